"""Statistics (scipy.stats): normal, binomial and Poisson probabilities, critical values, linear regression,
Welch's t-test and survey sample sizes.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.science.common import DOMAIN
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

NUMBER = quantity("dimensionless")
PROBABILITY = quantity("dimensionless")


def _uncertain(field: str) -> Any:
    """A probability is worth asking where it is not 0 or 1 at four decimals (at most 12 events when 2.2 are
    expected: 1.0000, a certainty no one computes)."""
    return lambda _args, out: isinstance(out.get(field), int | float) and 0.00005 <= out[field] <= 0.99995


STATISTIC = quantity("dimensionless", "interval")


class NormalQuery(BaseModel):
    mean: float = Field(
        description="Mean of the normal distribution.",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", quantity=NUMBER, samples=[100, 0, 70, 500, 1.75]),
    )
    sd: float = Field(
        description="Standard deviation (> 0).",
        gt=0,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", quantity=NUMBER, samples=[15, 1, 10, 100, 0.07]),
    )
    x: float = Field(
        description="Value to evaluate.",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", quantity=NUMBER, samples=[130, 1.96, 85, 350, 1.9]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="A value under a normal distribution: its z-score, the cumulative probability P(X <= x), the upper "
    "tail P(X > x) and the density.",
    outputs={
        "z_score": Output(
            "number",
            "the z-score of {x} under a normal distribution with mean {mean} and sd {sd}",
            asks=(
                "What is the z-score of {x} in a normal distribution with mean {mean} and standard deviation {sd}?",
                "How many standard deviations from the mean is a value of {x}, if the mean is {mean} and the standard "
                "deviation {sd}?",
            ),
            measure="z-score",
            quantity=STATISTIC,
        ),
        "cdf": Output(
            "number",
            "P(X <= {x}) for a normal distribution with mean {mean} and sd {sd}",
            asks=(
                "For a normal distribution with mean {mean} and standard deviation {sd}, what is the probability of a "
                "value at or below {x}?",
                "What share of a normally distributed population with mean {mean} and SD {sd} lies at or below {x}? "
                "Give it as a fraction.",
            ),
            measure="cumulative probability",
            quantity=PROBABILITY,
            worth=_uncertain("cdf"),
        ),
        "upper_tail": Output(
            "number",
            "P(X > {x}) for a normal distribution with mean {mean} and sd {sd}",
            asks=(
                "If X is normal with mean {mean} and standard deviation {sd}, what is P(X > {x})?",
                "What fraction of a normally distributed population with mean {mean} and SD {sd} lies above {x}?",
                "Scores are normally distributed with mean {mean} and standard deviation {sd}. What proportion score "
                "above {x}?",
            ),
            measure="upper-tail probability",
            quantity=PROBABILITY,
            worth=_uncertain("upper_tail"),
        ),
    },
    examples=[{"mean": 100, "sd": 15, "x": 130}],
)
def normal_distribution(p: NormalQuery) -> dict:
    from scipy.stats import norm

    z = (p.x - p.mean) / p.sd
    return {"z_score": round(z, 6), "cdf": round(float(norm.cdf(z)), 8), "upper_tail": round(float(norm.sf(z)), 8)}


class BinomialQuery(BaseModel):
    trials: int = Field(
        description="Number of trials n.",
        ge=1,
        le=100000,
        json_schema_extra=port("count", samples=[10, 20, 100, 5, 50]),
    )
    successes: int = Field(
        description="Number of successes k.",
        ge=0,
        le=100000,
        json_schema_extra=port("count", samples=[3, 10, 55, 4, 20]),
    )
    probability: float = Field(
        description="Success probability per trial p.",
        ge=0,
        le=1,
        json_schema_extra=port("number", quantity=NUMBER, samples=[0.5, 0.3, 0.5, 0.9, 0.4]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Binomial probabilities: P(exactly k), P(at most k) and P(at least k) successes in n trials.",
    outputs={
        "p_exactly": Output(
            "number",
            "the probability of exactly {successes} successes in {trials} trials with p={probability}",
            asks=(
                "What is the probability of exactly {successes} successes in {trials} independent trials, each "
                "succeeding with probability {probability}?",
                "A coin lands heads with probability {probability}. If I toss it {trials} times, how likely are "
                "exactly {successes} heads?",
            ),
            measure="probability of exactly that many successes",
            quantity=PROBABILITY,
            worth=_uncertain("p_exactly"),
        ),
        "p_at_most": Output(
            "number",
            "the probability of at most {successes} successes in {trials} trials with p={probability}",
            asks=(
                "What is the probability of at most {successes} successes in {trials} independent trials with "
                "success probability {probability}?",
                "Each of {trials} independent attempts succeeds with probability {probability}. How likely is it that "
                "no more than {successes} succeed?",
            ),
            measure="probability of at most that many successes",
            quantity=PROBABILITY,
            worth=_uncertain("p_at_most"),
        ),
        "p_at_least": Output(
            "number",
            "the probability of at least {successes} successes in {trials} trials with p={probability}",
            asks=(
                "What is the probability of at least {successes} successes in {trials} independent trials with "
                "success probability {probability}?",
                "A free-throw shooter scores with probability {probability}. Taking {trials} shots, how likely is it "
                "that they make {successes} or more?",
            ),
            measure="probability of at least that many successes",
            quantity=PROBABILITY,
            worth=_uncertain("p_at_least"),
        ),
    },
    examples=[{"trials": 10, "successes": 3, "probability": 0.5}],
)
def binomial_probability(p: BinomialQuery) -> dict:
    from scipy.stats import binom

    if p.successes > p.trials:
        raise ToolInputError("successes cannot exceed trials")
    k, n, q = p.successes, p.trials, p.probability
    return {
        "p_exactly": float(f"{binom.pmf(k, n, q):.8g}"),
        "p_at_most": float(f"{binom.cdf(k, n, q):.8g}"),
        "p_at_least": float(f"{binom.sf(k - 1, n, q):.8g}"),
    }


class PoissonQuery(BaseModel):
    rate: float = Field(
        description="Expected number of events (lambda).",
        gt=0,
        le=1e6,
        json_schema_extra=port("number", quantity=NUMBER, samples=[3, 0.5, 10, 2.2, 7]),
    )
    events: int = Field(
        description="Number of events k.", ge=0, le=1e6, json_schema_extra=port("count", samples=[5, 0, 12, 1, 7])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Poisson probabilities of exactly k and of at most k events when lambda are expected.",
    outputs={
        "p_exactly": Output(
            "number",
            "the probability of exactly {events} events when {rate} are expected",
            asks=(
                "Events arrive as a Poisson process with {rate} expected per interval. What is the probability of "
                "exactly {events} in one interval?",
                "A help desk gets {rate} calls a minute on average. What is the chance of exactly {events} calls in a "
                "given minute?",
            ),
            measure="probability of exactly that many events",
            quantity=PROBABILITY,
            worth=_uncertain("p_exactly"),
        ),
        "p_at_most": Output(
            "number",
            "the probability of at most {events} events when {rate} are expected",
            asks=(
                "With {rate} events expected on average (Poisson), what is the probability of at most {events}?",
                "A shop averages {rate} customers an hour. How likely is an hour with {events} customers or fewer?",
            ),
            measure="probability of at most that many events",
            quantity=PROBABILITY,
            worth=_uncertain("p_at_most"),
        ),
    },
    examples=[{"rate": 3, "events": 5}],
)
def poisson_probability(p: PoissonQuery) -> dict:
    from scipy.stats import poisson

    return {
        "p_exactly": float(f"{poisson.pmf(p.events, p.rate):.8g}"),
        "p_at_most": float(f"{poisson.cdf(p.events, p.rate):.8g}"),
    }


class CriticalQuery(BaseModel):
    confidence: float = Field(
        description="Two-sided confidence level, e.g. 0.95.",
        gt=0.5,
        lt=1,
        json_schema_extra=port("number", quantity=NUMBER, samples=[0.95, 0.99, 0.9, 0.95, 0.999]),
    )
    degrees_of_freedom: int = Field(
        description="Degrees of freedom.", ge=1, le=100000, json_schema_extra=port("count", samples=[10, 29, 5, 100, 1])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Two-sided critical values for a confidence level: Student's t with given degrees of freedom, the "
    "normal z, and the chi-square upper quantile with the same degrees of freedom.",
    outputs={
        "t_critical": Output(
            "number",
            "the two-sided t critical value at {confidence} confidence with {degrees_of_freedom} degrees of freedom",
            asks=(
                "What is the two-sided critical value of Student's t at confidence level {confidence} with "
                "{degrees_of_freedom} degrees of freedom?",
                "I'm building a two-sided confidence interval at level {confidence} from a t distribution with "
                "{degrees_of_freedom} degrees of freedom. Which t value should I multiply the standard error by?",
            ),
            measure="t critical value",
            quantity=STATISTIC,
        ),
        # Does not depend on the degrees of freedom the call needs; survey_sample_size asks for the same z.
        "z_critical": Output(
            "number",
            "the two-sided z critical value at {confidence} confidence (df {degrees_of_freedom} ignored)",
            quantity=STATISTIC,
            askable=False,
        ),
        "chi2_upper": Output(
            "number",
            "the chi-square upper quantile at {confidence} with {degrees_of_freedom} degrees of freedom",
            asks=(
                "What is the {confidence} quantile of the chi-square distribution with {degrees_of_freedom} degrees "
                "of freedom?",
                "Which chi-square value with {degrees_of_freedom} degrees of freedom has a cumulative probability of "
                "{confidence}?",
            ),
            measure="chi-square critical value",
            quantity=STATISTIC,
        ),
    },
    examples=[{"confidence": 0.95, "degrees_of_freedom": 10}],
)
def critical_values(p: CriticalQuery) -> dict:
    from scipy.stats import chi2, norm, t

    tail = (1 + p.confidence) / 2
    return {
        "t_critical": round(float(t.ppf(tail, p.degrees_of_freedom)), 6),
        "z_critical": round(float(norm.ppf(tail)), 6),
        "chi2_upper": round(float(chi2.ppf(p.confidence, p.degrees_of_freedom)), 6),
    }


class Paired(BaseModel):
    xs: list[float] = Field(
        description="x values (2-1000 numbers).",
        min_length=3,
        max_length=1000,
        json_schema_extra=port(
            "number_list",
            # the last two: x of Anscombe's quartet (sets I-III, then IV)
            samples=[
                [1, 2, 3, 4, 5],
                [10, 20, 30, 40],
                [1.5, 2.5, 3.1, 4.8, 6.0],
                [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5],
                [8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8],
            ],
        ),
    )
    ys: list[float] = Field(
        description="y values, as many as x.",
        min_length=3,
        max_length=1000,
        json_schema_extra=port(
            "number_list",
            # the last four: y of Anscombe's quartet, sets I to IV
            samples=[
                [2.1, 3.9, 6.2, 8.1, 9.8],
                [15, 24, 39, 41],
                [3.0, 4.1, 6.6, 9.0, 12.1],
                [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68],
                [9.14, 8.14, 8.74, 8.77, 9.26, 8.10, 6.13, 3.10, 9.13, 7.26, 4.74],
                [7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73],
                [6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.50, 5.56, 7.91, 6.89],
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Least-squares line through paired data (scipy.stats.linregress): slope, intercept, Pearson r and "
    "the two-sided p-value of the slope, plus Spearman's rank correlation.",
    outputs={
        "slope": Output(
            "number",
            "the least-squares slope of {ys} against {xs}",
            asks=(
                "Fit a least-squares line to x = [{xs}] and y = [{ys}]. What is its slope?",
                "What slope does ordinary least squares give for y = [{ys}] against x = [{xs}]?",
            ),
            measure="regression slope",
            quantity=NUMBER,
        ),
        "intercept": Output(
            "number",
            "the least-squares intercept of {ys} against {xs}",
            asks=(
                "Fit a least-squares line to x = [{xs}] and y = [{ys}]. Where does it cross the y axis?",
                "What intercept does ordinary least squares give for y = [{ys}] against x = [{xs}]?",
            ),
            measure="regression intercept",
            quantity=NUMBER,
        ),
        "pearson_r": Output(
            "number",
            "the Pearson correlation of {xs} and {ys}",
            asks=(
                "What is the Pearson correlation coefficient between x = [{xs}] and y = [{ys}]?",
                "How strongly are x = [{xs}] and y = [{ys}] linearly related? Give Pearson's r.",
            ),
            measure="Pearson correlation",
            quantity=STATISTIC,
        ),
        "p_value": Output(
            "number",
            "the p-value of the slope of {ys} against {xs}",
            asks=(
                "What is the two-sided p-value of the least-squares slope of y = [{ys}] against x = [{xs}]?",
                "How significant is the linear trend in y = [{ys}] over x = [{xs}]? Give the p-value of the slope.",
            ),
            measure="p-value of the slope",
            quantity=PROBABILITY,
            worth=_uncertain("p_value"),
        ),
        "spearman_rho": Output(
            "number",
            "the Spearman rank correlation of {xs} and {ys}",
            asks=(
                "Compute Spearman's rank correlation between x = [{xs}] and y = [{ys}].",
                "Do x = [{xs}] and y = [{ys}] rise together in rank? Give Spearman's rho.",
            ),
            measure="Spearman rank correlation",
            quantity=STATISTIC,
        ),
    },
    examples=[{"xs": [1, 2, 3, 4, 5], "ys": [2.1, 3.9, 6.2, 8.1, 9.8]}],
)
def linear_regression(p: Paired) -> dict:
    from scipy.stats import linregress, spearmanr

    if len(p.xs) != len(p.ys):
        raise ToolInputError(f"xs has {len(p.xs)} values but ys has {len(p.ys)}")
    if any(not math.isfinite(v) for v in (*p.xs, *p.ys)) or len(set(p.xs)) < 2:
        raise ToolInputError("values must be finite and xs must not all be equal")
    fit = linregress(p.xs, p.ys)
    rho = spearmanr(p.xs, p.ys).statistic
    return {
        "slope": round(float(fit.slope), 8),
        "intercept": round(float(fit.intercept), 8),
        "pearson_r": round(float(fit.rvalue), 8),
        "p_value": float(f"{fit.pvalue:.6g}"),
        "spearman_rho": round(float(rho), 8) if math.isfinite(rho) else None,
    }


class TwoSamples(BaseModel):
    sample_a: list[float] = Field(
        description="First sample (2-1000 numbers).",
        min_length=2,
        max_length=1000,
        json_schema_extra=port(
            "number_list", samples=[[5.1, 4.9, 5.6, 5.8, 6.0], [12, 15, 11, 14], [1.2, 1.5, 1.1, 1.9]]
        ),
    )
    sample_b: list[float] = Field(
        description="Second sample (2-1000 numbers).",
        min_length=2,
        max_length=1000,
        json_schema_extra=port(
            "number_list", samples=[[6.2, 6.8, 7.0, 6.5, 6.9], [13, 16, 12, 18], [1.3, 1.4, 1.6, 1.2]]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Welch's two-sample t-test (scipy.stats.ttest_ind, unequal variances): t statistic, two-sided "
    "p-value, the difference of means, and whether it is significant at 5%.",
    outputs={
        "t_statistic": Output(
            "number",
            "Welch's t statistic comparing {sample_a} with {sample_b}",
            asks=(
                "What is Welch's t statistic comparing sample A = [{sample_a}] with sample B = [{sample_b}]?",
                "Run Welch's unequal-variance t-test on [{sample_a}] against [{sample_b}]. What t do you get?",
            ),
            measure="Welch t statistic",
            quantity=STATISTIC,
        ),
        "p_value": Output(
            "number",
            "the two-sided p-value of Welch's t-test comparing {sample_a} with {sample_b}",
            asks=(
                "What is the two-sided p-value of Welch's t-test comparing [{sample_a}] with [{sample_b}]?",
                "Group A measured [{sample_a}] and group B [{sample_b}]. What p-value does Welch's t-test give?",
            ),
            measure="p-value",
            quantity=PROBABILITY,
            worth=_uncertain("p_value"),
        ),
        "mean_difference": Output(
            "number",
            "the mean of {sample_a} minus the mean of {sample_b}",
            asks=(
                "Subtract the mean of [{sample_b}] from the mean of [{sample_a}]. What do you get?",
                "By how much does the average of sample A = [{sample_a}] exceed that of sample B = [{sample_b}]? "
                "Give a negative number if it is lower.",
            ),
            measure="difference of means",
            quantity=NUMBER,
        ),
        "significant_5pct": Output(
            "boolean",
            "whether {sample_a} and {sample_b} differ significantly at 5%",
            asks=(
                "Do the samples [{sample_a}] and [{sample_b}] differ significantly at the 5% level by Welch's t-test?",
                "Group A measured [{sample_a}] and group B [{sample_b}]. Is the difference significant at p < 0.05 "
                "(Welch's t-test)?",
            ),
        ),
    },
    examples=[{"sample_a": [5.1, 4.9, 5.6, 5.8, 6.0], "sample_b": [6.2, 6.8, 7.0, 6.5, 6.9]}],
)
def welch_t_test(p: TwoSamples) -> dict:
    import statistics

    from scipy.stats import ttest_ind

    values = (*p.sample_a, *p.sample_b)
    if any(not math.isfinite(v) for v in values):
        raise ToolInputError("samples must contain finite numbers")
    if statistics.pvariance(p.sample_a) == 0 and statistics.pvariance(p.sample_b) == 0:
        raise ToolInputError("both samples are constant; the t statistic is undefined")
    result = ttest_ind(p.sample_a, p.sample_b, equal_var=False)
    return {
        "t_statistic": round(float(result.statistic), 6),
        "p_value": float(f"{result.pvalue:.6g}"),
        "mean_difference": round(statistics.fmean(p.sample_a) - statistics.fmean(p.sample_b), 8),
        "significant_5pct": bool(result.pvalue < 0.05),
    }


class Proportion(BaseModel):
    confidence: float = Field(
        description="Confidence level, e.g. 0.95.",
        gt=0.5,
        lt=1,
        json_schema_extra=port("number", quantity=NUMBER, samples=[0.95, 0.99, 0.9, 0.95, 0.98]),
    )
    margin: float = Field(
        description="Margin of error as a fraction, e.g. 0.03 for +/-3 points.",
        gt=0,
        lt=0.5,
        json_schema_extra=port("number", quantity=NUMBER, samples=[0.03, 0.05, 0.01, 0.02, 0.04]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Sample size a survey needs to estimate a proportion within a margin of error at a confidence level "
    "(worst case p = 0.5, normal approximation), and the z value used.",
    outputs={
        "sample_size": Output(
            "count",
            "the sample size for a {margin} margin of error at {confidence} confidence",
            asks=(
                "How many people must a survey ask to estimate a proportion within a margin of error of {margin} at "
                "confidence level {confidence}, in the worst case p = 0.5?",
                "I want a poll with a margin of error of {margin} at confidence level {confidence}. "
                "How many respondents do I need?",
            ),
            measure="required sample size",
            quantity=COUNT,
        ),
        "z_value": Output(
            "number",
            "the z value for {confidence} confidence (margin {margin})",
            asks=(
                "A survey aims for a margin of error of {margin} at confidence level {confidence}. "
                "Which z value goes into its sample-size formula?",
                "For a poll at confidence level {confidence} with a margin of error of {margin}, what "
                "two-sided z critical value is used?",
            ),
            measure="z critical value",
            quantity=STATISTIC,
        ),
    },
    examples=[{"confidence": 0.95, "margin": 0.03}],
)
def survey_sample_size(p: Proportion) -> dict:
    from scipy.stats import norm

    z = float(norm.ppf((1 + p.confidence) / 2))
    return {"sample_size": math.ceil(z * z * 0.25 / (p.margin * p.margin)), "z_value": round(z, 6)}
