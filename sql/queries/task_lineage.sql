-- From a task to the tools it used: task -> trace -> required steps -> tool (with its package).
-- The first tasks by id are picked before the join, so the query stays fast over millions of steps.
WITH first_tasks AS (
    SELECT task_id, trace_id, question, answer_text, required_steps FROM tasks ORDER BY task_id LIMIT 20
)
SELECT t.task_id, t.question, t.answer_text, s.step_index, s.tool_name, tl.package, tl.package_version,
       s.arguments, s.output
FROM first_tasks t
JOIN trace_steps s ON s.trace_id = t.trace_id AND list_contains(t.required_steps, s.step_index)
JOIN tools tl ON tl.name = s.tool_name
ORDER BY t.task_id, s.step_index
LIMIT 20;
