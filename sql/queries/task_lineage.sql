-- From a task to the tools it used: task -> trace -> required steps -> tool (with its package).
SELECT t.task_id, t.question, t.answer_text, s.step_index, s.tool_name, tl.package, tl.package_version,
       s.arguments, s.output
FROM tasks t
JOIN trace_steps s ON s.trace_id = t.trace_id AND list_contains(t.required_steps, s.step_index)
JOIN tools tl ON tl.name = s.tool_name
ORDER BY t.task_id, s.step_index
LIMIT 20;
