-- Unique call graphs per partition (DIVE's structural diversity metric): a task's call graph is its
-- required steps' tool names with the producer -> consumer edges; R/P topology classes label nodes by kind.
WITH graphs AS (
    SELECT t.domain, t.diversity, t.task_id, t.topology,
           string_agg(s.step_index || ':' || s.tool_name, ',' ORDER BY s.step_index) || '|' || t.call_graph::VARCHAR
               AS graph
    FROM tasks t
    JOIN trace_steps s ON s.trace_id = t.trace_id AND list_contains(t.required_steps, s.step_index)
    GROUP BY t.domain, t.diversity, t.task_id, t.topology, t.call_graph
)
SELECT domain, diversity, count(*) AS tasks,
       count(DISTINCT graph) AS unique_call_graphs,
       round(count(DISTINCT graph) / count(*), 3) AS unique_share,
       count(DISTINCT topology) AS rp_topology_classes
FROM graphs
GROUP BY ALL
ORDER BY domain, diversity;
