# sentag: `make run` and `make test` set everything up on a fresh machine.
SWIFT   ?= swift
RELEASE := .build/release

.PHONY: all setup setup-test build run test bench interop lint format clean

all: build

## Install missing system packages (libedit-dev, libpq-dev, libssl-dev).
setup:
	@./Scripts/setup.sh

## The same, and a PostgreSQL server for the store tests (postgresql).
setup-test:
	@./Scripts/setup.sh --test

## Release build of the sentag executable.
build: setup
	$(SWIFT) build -c release --product sentag

## Build, then start labeling the seed articles.
run: build
	$(RELEASE)/sentag label seeds

## Lint, build, then run the whole test suite (unit, loop, end-to-end, pseudo-terminal,
## PostgreSQL). A style finding fails the target before anything is built. The store tests get a
## throwaway PostgreSQL cluster (SENTAG_TEST_POSTGRES), started before `swift test` and stopped
## and removed after it, whatever happens.
test: setup-test
	$(MAKE) --no-print-directory lint
	$(SWIFT) build --build-tests
	./Scripts/postgres-test-cluster.sh run $(SWIFT) test

## Throughput and latency figures against the issues' targets (prints; asserts nothing).
bench: setup
	$(SWIFT) build -c release --product sentag
	$(SWIFT) build -c release --product sentag-bench
	$(RELEASE)/sentag-bench --sentag $(RELEASE)/sentag

## Every export format loaded the way its users load it: datasets.load_dataset, spaCy
## (to_docbin.py, debug config/data, a short train), pandas. Installs datasets, spacy and pandas
## from PyPI into .build/interop-venv; writes only under .build/. Not part of `make test`.
interop: setup
	$(SWIFT) build -c release --product sentag
	./Scripts/interop.sh $(RELEASE)/sentag .build/interop-venv

## Style: `swift format lint` with .swift-format's rules (Tests/.swift-format under Tests/);
## any finding is an error. Part of `make test`, so of `.ci/run`.
lint:
	$(SWIFT) format lint --recursive --strict Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build
