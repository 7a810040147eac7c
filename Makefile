# The two commands: `make run` (the app on its embedded defaults) and `make test` (the suite).
# Every step is idempotent: a stamp in .setup/ records what is done, keyed on its inputs.

PORT ?= 3000
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .setup
BUN_VERSION := 1.4.5

export PATH := $(CURDIR)/.tools/bin:$(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export REFLEX_TELEMETRY_ENABLED := false
export REFLEX_CHECK_LATEST_VERSION := 0
export NPM_CONFIG_REGISTRY := https://registry.npmjs.org/
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test setup setup-test migrate seed clean-setup

run: setup migrate seed
	$(VENV)/bin/reflex run --env prod --single-port --backend-port $(PORT)

test: setup-test
	bash scripts/run_tests.sh

setup: $(STAMPS)/python $(STAMPS)/bun

setup-test: setup $(STAMPS)/python-dev $(STAMPS)/system-packages

migrate: setup
	$(PY) -m hireops migrate

seed: setup
	$(PY) -m hireops seed-demo

$(STAMPS)/python: requirements.txt
	@mkdir -p $(STAMPS)
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(STAMPS)/python-dev: requirements-dev.txt $(STAMPS)/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(STAMPS)/bun:
	@mkdir -p $(STAMPS)
	test -x .tools/bin/bun || npm install --global --prefix .tools bun@$(BUN_VERSION)
	.tools/bin/bun --version
	touch $@

$(STAMPS)/system-packages: scripts/install_system_packages.sh
	@mkdir -p $(STAMPS)
	bash scripts/install_system_packages.sh
	touch $@

clean-setup:
	rm -rf $(STAMPS)
