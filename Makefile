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
	$(PY) benchmarks/judgement.py
	$(PY) benchmarks/contacts.py
	$(PY) benchmarks/parse_mail.py
	$(PY) benchmarks/ingest.py --n 200
	@if [ -d benchmarks/data/resumes ]; then $(PY) benchmarks/ingest.py --resumes benchmarks/data/resumes; \
	else echo "real-mail ingest skipped: no benchmarks/data/resumes (fetch them: $(PY) benchmarks/get_real_resumes.py)"; fi
	$(PY) benchmarks/tracker.py --n 5000
	$(PY) benchmarks/tracker.py --n 5000 --database postgresql
	$(PY) benchmarks/pages.py --loads 3
	$(PY) benchmarks/pages.py --loads 3 --reports-n 50000 --only-reports
	$(PY) benchmarks/rooms.py --workers 1 --steps 10,25 --duration 10
	$(PY) benchmarks/rooms.py --workers 2 --steps 10,25 --duration 10
	$(PY) benchmarks/sign_in_latency.py --guessers 4 --duration 11
	$(PY) benchmarks/mistral_rescore.py --n 100

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

# ElevenLabs audio worklets served from assets/ (never a CDN); redone when the pin changes.
VOICE_INPUTS := scripts/install_voice_assets.py hireops/components/voice_interview.py
VOICE_STAMP := $(STAMPS)/voice-assets-$(call hash,$(VOICE_INPUTS))
setup: $(VOICE_STAMP)
$(VOICE_STAMP): $(PY_STAMP)
	$(PY) scripts/install_voice_assets.py
	touch $@

$(SYS_STAMP):
	@mkdir -p $(STAMPS)
	bash scripts/install_system_packages.sh
	touch $@

clean-setup:
	rm -rf $(STAMPS)

# The webcam widget's MediaPipe wasm runtime and face model, served from assets/mediapipe/.
WEBCAM_STAMP := $(STAMPS)/webcam-$(call hash,scripts/install_webcam_assets.py)
setup: $(WEBCAM_STAMP)
# The stamp alone would not notice a deleted (git-ignored) assets/mediapipe/.
ifeq ($(wildcard assets/mediapipe/wasm/vision_wasm_internal.wasm),)
.PHONY: $(WEBCAM_STAMP)
endif
$(WEBCAM_STAMP): $(PY_STAMP)
	$(PY) scripts/install_webcam_assets.py
	touch $@
