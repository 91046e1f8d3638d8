# Thin wrapper over CMake: the README's two commands.
BUILD ?= build
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc)

.PHONY: all deps configure build demo test report-screenshot clean

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

clean:
	rm -rf $(BUILD) factline-out
