# The two commands: `make run` and `make test`. See README.md.
JOBS ?= 2
BUILD ?= build
DB ?= var/ces.db
PORT ?= 8080
SECRETS ?= var/secrets.key
SHARED ?= $(abspath ../shared)

.PHONY: setup build run test test-sanitize test-fuzz bench package cluster clean

setup:
	@scripts/setup

build: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

run: build
	@mkdir -p var
	@if [ ! -f $(DB) ]; then $(BUILD)/ces demo --db $(DB) --seed 1 --geo-dir $(SHARED)/data/geo; fi
	@if [ ! -f $(SECRETS) ]; then (umask 077; od -An -tx1 -N32 /dev/urandom | tr -d ' \n' > $(SECRETS)); fi
	@$(BUILD)/ces serve --db $(DB) --port $(PORT) --secrets-key-file $(SECRETS) --print-demo-logins

test: build
	@cd $(BUILD) && CES_SHARED=$(SHARED) ctest --output-on-failure -j$(JOBS)

# Under the sanitizers every test runs once, on SQLite: the PostgreSQL variants run the same C++
# (only the SQL engine differs) and the browser journey drives the same server, both in `make
# test`; running them again instrumented doubled CI's time (70 minutes on 2 cores).
test-sanitize: setup
	@cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCES_SANITIZE=ON >/dev/null
	@cmake --build build-sanitize -j$(JOBS)
	@cd build-sanitize && CES_SHARED=$(SHARED) ctest --output-on-failure -j$(JOBS) \
		-E '^(integration\.pg\.|postgres\.|browser\.|cluster\.)'

# libFuzzer targets (clang): each runs FUZZ_SECONDS from its seed corpus in tests/fuzz/corpus.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 30
test-fuzz: setup
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCES_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzzers
	@tests/fuzz/run-fuzzers $(FUZZ_BUILD) $(FUZZ_SECONDS)

# The Debian package of this build: build/ces_*.deb (binary, templates, static files, the
# systemd unit and the example configurations; see README "Operating ces").
package: build
	@cd $(BUILD) && cpack -G DEB

# Three instances on one PostgreSQL behind HAProxy, with the demo county (scripts/cluster).
cluster: build
	@scripts/cluster start var/cluster --demo

bench: build
	@CES_SHARED=$(SHARED) bench/run-all $(BUILD)

clean:
	rm -rf $(BUILD) build-sanitize
