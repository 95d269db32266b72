-- Share of tasks passing each verification check, per partition and over all partitions (domain and diversity
-- NULL), with an example reason of a failure; realism_reasons.sql breaks the realism check's failures down by kind.
-- counts: tasks of every round (each check a task ran)
-- columns: domain, diversity, check_name, checked, passed, yield, example_failure
SELECT domain, diversity, check_name, count(*) AS checked, count(*) FILTER (WHERE passed) AS passed,
       round(count(*) FILTER (WHERE passed) / count(*), 4) AS yield,
       any_value(reason) FILTER (WHERE NOT passed) AS example_failure
FROM verifications
GROUP BY GROUPING SETS ((domain, diversity, check_name), (check_name))
ORDER BY domain NULLS FIRST, diversity NULLS FIRST, yield, check_name;
