-- dive warehouse schema (DuckDB). Every partitioned table carries (domain, diversity) and is
-- replaced one partition at a time: DELETE ... WHERE domain=? AND diversity=? then INSERT BY NAME,
-- in one transaction. Keys chain: tasks -> traces -> trace_steps / toolsets -> tools.

-- The tool catalog (not partitioned; replaced whole by the tool_catalog asset).
CREATE TABLE IF NOT EXISTS tools (
    name              VARCHAR PRIMARY KEY,
    domain            VARCHAR NOT NULL,      -- geo | finance | medchem | science | language | general
    kind              VARCHAR NOT NULL,      -- retrieval | processing
    description       VARCHAR NOT NULL,
    parameters_schema JSON    NOT NULL,      -- JSON Schema of the arguments (what an LLM sees)
    input_ports       JSON    NOT NULL,      -- {param: port}
    output_ports      JSON    NOT NULL,      -- {field: port}
    output_type       VARCHAR NOT NULL,      -- "field:port, ..." summary
    package           VARCHAR NOT NULL,      -- the pip distribution that answers it
    package_version   VARCHAR NOT NULL,
    examples          JSON    NOT NULL,      -- example argument objects
    example_ok        BOOLEAN NOT NULL,      -- every example executed successfully at catalog time
    schema_valid      BOOLEAN NOT NULL,      -- parameters_schema is a valid JSON Schema (Draft 2020-12) object
    example_error     VARCHAR                -- first example failure, if any
);

-- Typed edges of the tool graph: an output port of one tool feeds an input port of another.
CREATE TABLE IF NOT EXISTS tool_edges (
    source_tool  VARCHAR NOT NULL,
    source_field VARCHAR NOT NULL,
    target_tool  VARCHAR NOT NULL,
    target_param VARCHAR NOT NULL,
    port         VARCHAR NOT NULL
);

-- Seed entities: real values from the domain's shipped data, where evidence collection starts.
CREATE TABLE IF NOT EXISTS seeds (
    domain  VARCHAR NOT NULL,
    port    VARCHAR NOT NULL,
    value   VARCHAR NOT NULL,
    source  VARCHAR NOT NULL,                -- the seed source function
    package VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS toolsets (
    toolset_id VARCHAR   NOT NULL,
    domain     VARCHAR   NOT NULL,
    diversity  VARCHAR   NOT NULL,
    tool_names VARCHAR[] NOT NULL,
    size       INTEGER   NOT NULL,
    rng_seed   BIGINT    NOT NULL,
    task_slots INTEGER[] NOT NULL            -- which task indices of the partition use this toolset
);

CREATE TABLE IF NOT EXISTS traces (
    trace_id   VARCHAR NOT NULL,
    toolset_id VARCHAR NOT NULL,
    domain     VARCHAR NOT NULL,
    diversity  VARCHAR NOT NULL,
    task_slot  INTEGER NOT NULL,
    policy     VARCHAR NOT NULL,             -- embedded-v1 or litellm:<model>
    seed_port  VARCHAR NOT NULL,
    seed_value VARCHAR NOT NULL,
    status     VARCHAR NOT NULL,             -- ok | failed
    step_count INTEGER NOT NULL,
    ok_steps   INTEGER NOT NULL,
    rng_seed   BIGINT  NOT NULL,
    error      VARCHAR
);

CREATE TABLE IF NOT EXISTS trace_steps (
    trace_id   VARCHAR   NOT NULL,
    domain     VARCHAR   NOT NULL,
    diversity  VARCHAR   NOT NULL,
    step_index INTEGER   NOT NULL,
    round      INTEGER   NOT NULL,           -- the loop round (1..K) in which the call was made
    tool_name  VARCHAR   NOT NULL,
    arguments  JSON      NOT NULL,
    provenance JSON      NOT NULL,           -- {param: {source: seed|sample|step|steps|expression, step, field, steps, formula}}
    output     JSON,                         -- NULL when the call failed
    error_type VARCHAR,                      -- invalid_arguments | bad_input | timeout | tool_exception | ...
    error      VARCHAR,
    latency_ms DOUBLE    NOT NULL,
    depends_on INTEGER[] NOT NULL            -- earlier steps whose outputs this step consumed
);

CREATE TABLE IF NOT EXISTS tasks (
    task_id        VARCHAR   NOT NULL,
    trace_id       VARCHAR   NOT NULL,
    toolset_id     VARCHAR   NOT NULL,
    domain         VARCHAR   NOT NULL,
    diversity      VARCHAR   NOT NULL,
    round          INTEGER   NOT NULL,
    question       VARCHAR   NOT NULL,
    answer         JSON      NOT NULL,       -- typed gold answer
    answer_text    VARCHAR   NOT NULL,
    answer_type    VARCHAR   NOT NULL,       -- number | integer | date | code | string | boolean | list
    tolerance      DOUBLE,
    pattern        VARCHAR   NOT NULL,       -- single | chain | parallel | compare | aggregate | iterative
    required_steps INTEGER[] NOT NULL,
    call_graph     JSON      NOT NULL,       -- [[producer_step, consumer_step], ...]
    answer_step    INTEGER   NOT NULL,
    answer_field   VARCHAR   NOT NULL,
    derived_by     VARCHAR   NOT NULL,
    seed_value     VARCHAR   NOT NULL,
    topology       VARCHAR   NOT NULL,       -- R/P topology class of the call graph, e.g. P[R[],R[]]
    exemplar_ids   VARCHAR[] NOT NULL,       -- the exemplars that steered this round
    tolerance_kind VARCHAR,                  -- relative | absolute | exact | exact_case (how the reward compares)
    answer_unit    VARCHAR,                  -- the unit a numeric answer is asked in (pint unit, percent, currency:EUR)
    ordered        BOOLEAN                   -- a list answer: the question asks for an order (else a set)
);
-- a warehouse made before the reward's columns gets them (null: the reward falls back to the answer type)
ALTER TABLE tasks ADD COLUMN IF NOT EXISTS tolerance_kind VARCHAR;
ALTER TABLE tasks ADD COLUMN IF NOT EXISTS answer_unit VARCHAR;
ALTER TABLE tasks ADD COLUMN IF NOT EXISTS ordered BOOLEAN;

-- Traces from which no task could be derived, with the reason (never dropped silently); stage 'rewrite': a model's
-- rewrite of a task's question was refused (the task keeps its realized question).
CREATE TABLE IF NOT EXISTS task_failures (
    trace_id  VARCHAR NOT NULL,
    domain    VARCHAR NOT NULL,
    diversity VARCHAR NOT NULL,
    stage     VARCHAR NOT NULL,
    reason    VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS verifications (
    task_id    VARCHAR NOT NULL,
    domain     VARCHAR NOT NULL,
    diversity  VARCHAR NOT NULL,
    check_name VARCHAR NOT NULL,             -- format | replay | entailment | grounding | minimality | non_trivial | unique | split_safe | realism
    passed     BOOLEAN NOT NULL,
    reason     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS splits (
    task_id    VARCHAR NOT NULL,
    domain     VARCHAR NOT NULL,
    diversity  VARCHAR NOT NULL,
    split          VARCHAR   NOT NULL,       -- train_sft | train_rl | test_id | test_ood_toolset | test_ood_tool
    toolset_id     VARCHAR   NOT NULL,
    seed_value     VARCHAR   NOT NULL,
    held_out_tools VARCHAR[] NOT NULL        -- held-out tools this task requires (test_ood_tool)
);

-- LLM path only. A response cache keyed by the full request (model, messages, tools, format,
-- temperature): re-materializing a partition makes no new LLM call; a changed prompt or model does.
CREATE TABLE IF NOT EXISTS llm_cache (
    request_key VARCHAR PRIMARY KEY,         -- sha256 of the request; never contains an API key
    model       VARCHAR NOT NULL,
    response    JSON    NOT NULL             -- content, tool_calls, prompt_tokens, completion_tokens, cost_usd
);

-- One row per LLM request attempt or cache hit, under the stage that made it (never under two stages): tokens and
-- cost as the provider reports them through litellm (cost NULL when litellm has no price for the model; never
-- estimated). A cache hit sends nothing and records 0 tokens and cost 0, so sum(cost_usd) is the real spend;
-- sql/queries/llm_spend.sql sums the sent requests per partition, stage and model.
CREATE TABLE IF NOT EXISTS llm_calls (
    domain            VARCHAR NOT NULL,
    diversity         VARCHAR NOT NULL,
    stage             VARCHAR NOT NULL,      -- the stage that made the call: evidence | derivation | solver
    call_index        INTEGER NOT NULL,
    request_key       VARCHAR NOT NULL,      -- sha256 of the canonical request; the same request has it in every stage
    model             VARCHAR NOT NULL,
    purpose           VARCHAR NOT NULL,      -- evidence|derivation|rewrite|solver:<trace>, or model_check (no trace)
    prompt_tokens     BIGINT  NOT NULL,      -- 0 for a cache hit
    completion_tokens BIGINT  NOT NULL,      -- 0 for a cache hit
    cost_usd          DOUBLE,                -- provider-reported; NULL when unpriced (never estimated); 0 for a hit
    cached            BOOLEAN NOT NULL,
    latency_ms        DOUBLE  NOT NULL,
    error             VARCHAR,
    attempt           INTEGER NOT NULL,
    trace_id          VARCHAR                -- the trace the call served (per-trace accounting)
);

-- Diversity metrics per partition (DIVE's structural metrics and more; see dive_assets/synthesis/diversity.py).
CREATE TABLE IF NOT EXISTS diversity_metrics (
    domain    VARCHAR NOT NULL,
    diversity VARCHAR NOT NULL,
    metric    VARCHAR NOT NULL,
    value     DOUBLE  NOT NULL
);

-- The diversity settings compared per domain (asset diversity_summary; one row per domain, metric and setting).
CREATE TABLE IF NOT EXISTS diversity_comparison (
    domain       VARCHAR NOT NULL,
    metric       VARCHAR NOT NULL,
    diversity    VARCHAR NOT NULL,
    value        DOUBLE,
    spread       DOUBLE,            -- max - min over the settings of this domain and metric
    max_over_min DOUBLE,            -- NULL when the minimum is 0
    highest      VARCHAR            -- the setting with the highest value; NULL when all tie
);

-- The controlled study (asset diversity_study / `dive study`): one row per domain, point and metric.
CREATE TABLE IF NOT EXISTS study_points (
    domain  VARCHAR NOT NULL,
    point   VARCHAR NOT NULL,       -- a diversity setting at 1x, or '<narrow>-x2' / '-x4' (quantity scaling)
    scaling VARCHAR NOT NULL,       -- 'diversity' or 'quantity'
    budget  INTEGER NOT NULL,       -- tasks per partition at this point
    metric  VARCHAR NOT NULL,
    value   DOUBLE  NOT NULL
);

-- The optional solver check (DIVE_SOLVER_ATTEMPTS > 0): a model re-solves each split task with its toolset.
CREATE TABLE IF NOT EXISTS solver_attempts (
    task_id     VARCHAR NOT NULL,       -- -> tasks
    trace_id    VARCHAR NOT NULL,       -- -> traces
    domain      VARCHAR NOT NULL,
    diversity   VARCHAR NOT NULL,
    attempt     INTEGER NOT NULL,       -- 1..DIVE_SOLVER_ATTEMPTS
    model       VARCHAR NOT NULL,
    answer      VARCHAR,                -- the text after "The final answer is:"; NULL when none was stated
    passed      BOOLEAN NOT NULL,       -- scored against the gold answer by type (reward.score's correctness)
    tool_calls  INTEGER NOT NULL,
    tool_errors INTEGER NOT NULL,
    turns       INTEGER NOT NULL,
    error       VARCHAR,                -- why an attempt has no answer
    llm_failed  BOOLEAN NOT NULL        -- the LLM call failed for good: not counted in the pass rate
);

CREATE TABLE IF NOT EXISTS task_pass_rates (
    task_id   VARCHAR NOT NULL,         -- -> tasks
    domain    VARCHAR NOT NULL,
    diversity VARCHAR NOT NULL,
    model     VARCHAR NOT NULL,
    attempts  INTEGER NOT NULL,
    completed INTEGER NOT NULL,         -- attempts without an LLM failure
    passes    INTEGER NOT NULL,
    pass_rate DOUBLE,                   -- passes / completed; NULL when no attempt completed
    frontier  BOOLEAN NOT NULL          -- 0 < pass_rate < 1: DIVE's RL frontier selection
);
