-- From a task to the tools it used: task -> trace -> required steps -> tool (with its package).
-- The tasks are picked before the join, so the query stays fast over millions of steps.
-- counts: split tasks (the final verified round of each trace)
-- param task_id VARCHAR = NULL: the task to trace; NULL: the first split tasks by id
-- param tasks INTEGER = 3: how many split tasks when no task_id is given
-- columns: task_id, question, answer_text, step_index, tool_name, package, package_version, arguments, output
WITH picked AS (
    SELECT t.task_id, t.trace_id, t.question, t.answer_text, t.required_steps
    FROM tasks t JOIN splits USING (task_id)
    WHERE CAST($task_id AS VARCHAR) IS NULL OR t.task_id = CAST($task_id AS VARCHAR)
    ORDER BY t.task_id
    LIMIT CASE WHEN CAST($task_id AS VARCHAR) IS NULL THEN $tasks ELSE 1 END
)
SELECT t.task_id, t.question, t.answer_text, s.step_index, s.tool_name, tl.package, tl.package_version,
       s.arguments, s.output
FROM picked t
JOIN trace_steps s ON s.trace_id = t.trace_id AND list_contains(t.required_steps, s.step_index)
JOIN tools tl ON tl.name = s.tool_name
ORDER BY t.task_id, s.step_index;
