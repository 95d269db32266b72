-- The hardest split task of the first trace (by id) with its full trace: every step, required or not.
WITH task AS (
    SELECT t.* FROM tasks t JOIN splits USING (task_id) ORDER BY t.trace_id, t.round DESC LIMIT 1
)
SELECT task.question, task.answer_text, task.pattern, s.round, s.step_index,
       list_contains(task.required_steps, s.step_index) AS required,
       s.tool_name, s.arguments, s.output, s.error
FROM task JOIN trace_steps s ON s.trace_id = task.trace_id
ORDER BY s.step_index;
