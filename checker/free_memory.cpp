#include "checker/free_memory.hpp"

#include <atomic>

namespace factline {

namespace {
std::atomic<FreeMemoryHook> hook{nullptr};
}  // namespace

void set_free_memory_hook(FreeMemoryHook new_hook) { hook.store(new_hook); }

void return_free_memory() {
    if (const FreeMemoryHook call = hook.load()) call();
}

}  // namespace factline
