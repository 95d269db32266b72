-- A split task with its full trace: every step, required or not.
-- counts: split tasks (the final verified round of each trace)
-- param task_id VARCHAR = NULL: the task to show; NULL: the hardest split task of the first trace (by id)
-- columns: task_id, question, answer_text, pattern, round, step_index, required, tool_name, arguments, output, error
WITH task AS (
    SELECT t.* FROM tasks t JOIN splits USING (task_id)
    WHERE CAST($task_id AS VARCHAR) IS NULL OR t.task_id = CAST($task_id AS VARCHAR)
    ORDER BY t.trace_id, t.round DESC
    LIMIT 1
)
SELECT task.task_id, task.question, task.answer_text, task.pattern, s.round, s.step_index,
       list_contains(task.required_steps, s.step_index) AS required,
       s.tool_name, s.arguments, s.output, s.error
FROM task JOIN trace_steps s ON s.trace_id = task.trace_id
ORDER BY s.step_index;
