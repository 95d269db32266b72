-- Tool-use patterns per domain and the average number of required steps.
SELECT domain, pattern, count(*) AS tasks, round(avg(len(required_steps)), 2) AS avg_required_steps
FROM tasks
GROUP BY ALL
ORDER BY domain, tasks DESC;
