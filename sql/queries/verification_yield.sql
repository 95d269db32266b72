-- Share of tasks passing each verification check, over all partitions.
SELECT check_name, count(*) AS checked, count(*) FILTER (WHERE passed) AS passed,
       round(count(*) FILTER (WHERE passed) / count(*), 4) AS yield,
       any_value(reason) FILTER (WHERE NOT passed) AS example_failure
FROM verifications
GROUP BY check_name
ORDER BY yield;
