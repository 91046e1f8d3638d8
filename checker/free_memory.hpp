#pragma once
// Returning freed memory to the system at the end of a stage. The stages
// after pass 1 free large temporaries (the candidate pairs' bounds, the
// per-document vectors, a corpus's timeline records) and then make others;
// an allocator that keeps freed pages resident for a while (mimalloc
// decommits them after a delay) lets the two overlap in the peak: on 1 M
// articles the resident memory after the clusters was 185 MiB above what
// the run held. The binary, which chooses the allocator, sets the hook; the
// libraries name no allocator, and without a hook this does nothing.
namespace factline {

using FreeMemoryHook = void (*)();

/// Sets what return_free_memory() calls (nullptr: nothing).
void set_free_memory_hook(FreeMemoryHook hook);

/// Asks the allocator to return the memory freed so far, and what is freed
/// from now on at once; for the ends of the stages after pass 1 only (it
/// walks the allocator's free pages, and prompt returns cost a stage that
/// allocates and frees per document).
void return_free_memory();

}  // namespace factline
