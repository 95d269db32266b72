-- Unique call graphs per partition (DIVE's structural diversity metric): a task's call graph is its
-- required steps' tool names with the producer -> consumer edges; R/P topology classes label nodes by kind.
-- Exact (not up to isomorphism; diversity.py's canonical form is). For speed over millions of steps a task's
-- steps are keyed by the sum of the hashes of their "index:tool" labels instead of an ordered string.
-- counts: tasks of every round
-- columns: domain, diversity, tasks, unique_call_graphs, unique_share, rp_topology_classes
WITH required AS (
    SELECT task_id, trace_id, unnest(required_steps) AS step_index
    FROM tasks
),
steps_keyed AS (
    SELECT r.task_id, sum(hash(s.step_index || ':' || s.tool_name)::HUGEINT) AS steps_key
    FROM required r
    JOIN trace_steps s ON s.trace_id = r.trace_id AND s.step_index = r.step_index
    GROUP BY r.task_id
)
SELECT t.domain, t.diversity, count(*) AS tasks,
       count(DISTINCT hash(k.steps_key, t.call_graph)) AS unique_call_graphs,
       round(count(DISTINCT hash(k.steps_key, t.call_graph)) / count(*), 3) AS unique_share,
       count(DISTINCT t.topology) AS rp_topology_classes
FROM tasks t
JOIN steps_keyed k USING (task_id)
GROUP BY ALL
ORDER BY t.domain, t.diversity;
