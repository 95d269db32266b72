-- Items that cross the train/test boundary (must return no rows):
-- a toolset used by a test_ood_toolset task that also appears in train, a question text in both
-- train and any test split, or a (seed entity, answer) pair in both.
WITH s AS (
    SELECT sp.split, sp.toolset_id, t.question, t.seed_value, t.answer_text
    FROM splits sp JOIN tasks t USING (task_id)
),
train AS (SELECT * FROM s WHERE split = 'train'),
test AS (SELECT * FROM s WHERE split <> 'train')
SELECT 'toolset' AS kind, toolset_id AS item FROM test WHERE split = 'test_ood_toolset'
    AND toolset_id IN (SELECT toolset_id FROM train)
UNION
SELECT 'question', question FROM test WHERE lower(question) IN (SELECT lower(question) FROM train)
UNION
SELECT 'seed_answer', seed_value || ' -> ' || answer_text FROM test
    WHERE (seed_value, answer_text) IN (SELECT (seed_value, answer_text) FROM train)
ORDER BY 1, 2;
