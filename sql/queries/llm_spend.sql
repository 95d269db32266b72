-- LLM spend per partition, stage and model, and over everything (domain, diversity, stage and model NULL): the
-- requests actually sent (cache hits excluded: they cost nothing), failed attempts, tokens and the provider-reported
-- cost. cost_usd sums the priced calls (NULL when none is priced); unpriced_calls counts the successful calls litellm
-- could not price (a model without a price: unknown, never estimated). The over-everything row is always there.
-- counts: LLM requests sent (cache hits excluded)
-- columns: domain, diversity, stage, model, calls, failed_calls, prompt_tokens, completion_tokens, cost_usd, unpriced_calls
SELECT domain, diversity, stage, model,
       count(*)                                                AS calls,
       count(*) FILTER (WHERE error IS NOT NULL)               AS failed_calls,
       coalesce(sum(prompt_tokens), 0)                         AS prompt_tokens,
       coalesce(sum(completion_tokens), 0)                     AS completion_tokens,
       round(sum(cost_usd), 9)                                 AS cost_usd,
       count(*) FILTER (WHERE error IS NULL AND cost_usd IS NULL) AS unpriced_calls
FROM llm_calls
WHERE NOT cached
GROUP BY GROUPING SETS ((domain, diversity, stage, model), ())
ORDER BY domain NULLS LAST, diversity NULLS LAST, stage NULLS LAST, model NULLS LAST;
