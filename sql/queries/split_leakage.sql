-- Items that cross the train/test boundary (must return no rows; a blocking asset check runs it):
-- a toolset used by a test_ood_toolset task that also appears in training, a tool required by a
-- test_ood_tool task that is also required by a training task, a question text in both training and
-- any test split, or a (seed entity, answer) pair in both.
-- counts: split tasks
-- columns: kind, item
WITH s AS (
    SELECT sp.split, sp.toolset_id, t.task_id, t.trace_id, t.required_steps, t.question, t.seed_value, t.answer_text,
           sp.split IN ('train_sft', 'train_rl') AS is_train
    FROM splits sp JOIN tasks t USING (task_id)
),
train AS (SELECT * FROM s WHERE is_train),
test AS (SELECT * FROM s WHERE NOT is_train),
train_tools AS (
    SELECT DISTINCT st.tool_name
    FROM train JOIN trace_steps st ON st.trace_id = train.trace_id AND list_contains(train.required_steps, st.step_index)
),
held_out AS (SELECT DISTINCT unnest(held_out_tools) AS tool_name FROM splits)
SELECT 'toolset' AS kind, toolset_id AS item FROM test WHERE split = 'test_ood_toolset'
    AND toolset_id IN (SELECT toolset_id FROM train)
UNION
SELECT 'tool', tool_name FROM held_out WHERE tool_name IN (SELECT tool_name FROM train_tools)
UNION
SELECT 'question', question FROM test WHERE lower(question) IN (SELECT lower(question) FROM train)
UNION
SELECT 'seed_answer', seed_value || ' -> ' || answer_text FROM test
    WHERE (seed_value, answer_text) IN (SELECT (seed_value, answer_text) FROM train)
ORDER BY 1, 2;
