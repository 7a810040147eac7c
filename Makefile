# The two commands: `make run` (the app on its embedded defaults) and `make test` (the suite).
# Every step is idempotent: a stamp in .setup/ records what is done, named after a hash of its
# inputs (not their dates: `reflex run` rewrites requirements.txt with the same content).

PORT ?= 3000
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .setup
BUN_VERSION := 1.4.5
hash = $(shell cat $(1) | sha256sum | cut -c1-12)
PY_STAMP := $(STAMPS)/python-$(call hash,requirements.txt)
DEV_STAMP := $(STAMPS)/python-dev-$(call hash,requirements.txt requirements-dev.txt)
SYS_STAMP := $(STAMPS)/system-$(call hash,scripts/install_system_packages.sh)

export PATH := $(CURDIR)/.tools/bin:$(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export REFLEX_TELEMETRY_ENABLED := false
export REFLEX_CHECK_LATEST_VERSION := 0
export NPM_CONFIG_REGISTRY := https://registry.npmjs.org/
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test bench setup setup-test migrate seed clean-setup

run: setup migrate seed
	$(VENV)/bin/reflex run --env prod --single-port --backend-port $(PORT)

test: setup-test
	bash scripts/run_tests.sh

bench: setup-test
	$(PY) benchmarks/foundation.py
	$(PY) benchmarks/local_engine.py
	$(PY) benchmarks/parse_mail.py
	$(PY) benchmarks/ingest.py --n 200
	$(PY) benchmarks/tracker.py --n 5000

setup: $(PY_STAMP) $(STAMPS)/bun

setup-test: setup $(DEV_STAMP) $(SYS_STAMP)

migrate: setup
	$(PY) -m hireops migrate

seed: setup
	$(PY) -m hireops seed-demo

$(PY_STAMP):
	@mkdir -p $(STAMPS)
	bash scripts/install_python.sh requirements.txt
	touch $@

$(DEV_STAMP): $(PY_STAMP)
	bash scripts/install_python.sh requirements-dev.txt
	touch $@

$(STAMPS)/bun:
	@mkdir -p $(STAMPS)
	test -x .tools/bin/bun || npm install --global --prefix .tools bun@$(BUN_VERSION)
	.tools/bin/bun --version
	touch $@

$(SYS_STAMP):
	@mkdir -p $(STAMPS)
	bash scripts/install_system_packages.sh
	touch $@

clean-setup:
	rm -rf $(STAMPS)
