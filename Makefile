# Thin wrapper over CMake: the README's two commands.
BUILD ?= build
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc)

.PHONY: all deps configure build demo test report-screenshot bench clean

all: build

deps:
	bash scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@rm -rf factline-out
	@$(BUILD)/factline check fixtures/sample/input --out factline-out --exit-zero
	@echo "reports:"
	@for f in factline-out/report.md factline-out/report.html factline-out/report.sarif factline-out/findings.jsonl; do \
	  [ -f $$f ] && echo "  $$f"; done; true

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Renders the seeds' report (or the sample corpus's, without ../shared) to PNG for review.
report-screenshot: build
	@corpus=../shared/seeds; [ -d $$corpus ] || corpus=fixtures/sample/input; \
	bash scripts/browser-test.sh $(BUILD) $(BUILD)/report.png $$corpus && echo "screenshot: $(BUILD)/report.png"

# Throughput (issue 7): end-to-end Reuters run, then the stage micro-benchmarks
# when the build has them (configure with CMAKE_FLAGS=-DFACTLINE_BENCH=ON).
bench: build
	bash scripts/bench.sh $(BUILD)
	@if [ -x $(BUILD)/bench/stage_bench ]; then $(BUILD)/bench/stage_bench --benchmark_min_time=0.2; fi

# The suite again under AddressSanitizer + UndefinedBehaviorSanitizer (own
# build folder). SANITIZE_EXCLUDE: ctest -E regex of tests too slow under the
# sanitizers for CI's time budget (they run in `make test`): the full-size
# hostile-input suite; its small twin HostileInputsSmall runs here.
SANITIZE_BUILD ?= build-asan
SANITIZE_EXCLUDE ?= HostileInputs\.
test-sanitize:
	$(MAKE) build BUILD=$(SANITIZE_BUILD) \
	  CMAKE_FLAGS="-DFACTLINE_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)"
	cd $(SANITIZE_BUILD) && \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -E '$(SANITIZE_EXCLUDE)'

# libFuzzer targets (clang; tests/fuzz/): each runs FUZZ_SECONDS on its seed
# corpus (tests/fuzz/corpus/<target>/); new inputs go to $(FUZZ_BUILD)/corpus/,
# crashes to $(FUZZ_BUILD)/artifacts/.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= layout date pattern rule_pack ingest
fuzz:
	bash scripts/install-deps.sh fuzz
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DFACTLINE_FUZZ=ON -DFACTLINE_TESTS=OFF \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/artifacts; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
	  $(FUZZ_BUILD)/tests/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t- \
	    $(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t || exit 1; \
	done

clean:
	rm -rf $(BUILD) factline-out
