-- Share of tasks failing each verification check, per partition.
SELECT domain, diversity, check_name,
       count(*) FILTER (WHERE NOT passed) AS failed,
       count(*) AS checked,
       round(count(*) FILTER (WHERE NOT passed) / count(*), 3) AS failure_share
FROM verifications
GROUP BY ALL
ORDER BY domain, diversity, check_name;
