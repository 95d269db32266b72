"""Number theory and elementary algebra (standard library and numpy): prime factorization, the n-th prime, gcd and
lcm, combinations and permutations, number bases and quadratic roots.
"""

from __future__ import annotations

import collections
import math
from functools import cache

from pydantic import BaseModel, Field

from tool_catalog.domains.science.common import DOMAIN
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, ORDINAL, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

NUMBER = quantity("dimensionless")
WAYS = quantity("count", "count")
"""A number of ways or of integers: a count, but a sum over several questions means nothing."""


class WholeNumber(BaseModel):
    n: int = Field(
        description="A whole number from 2 to 10^12.",
        ge=2,
        le=10**12,
        json_schema_extra=port("integer", quantity=NUMBER, samples=[360, 97, 1001, 65536, 600851475143]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Prime factorization of a whole number (trial division): whether it is prime, its prime factors "
    "with multiplicity, its number of divisors and Euler's totient.",
    outputs={
        "is_prime": Output(
            "boolean",
            "whether {n} is prime",
            asks=("Is {n} a prime number?", "Is {n} prime, or can it be factored?"),
        ),
        "prime_factors": Output(
            "number_list",
            "the prime factors of {n} with multiplicity",
            asks=(
                "What is the prime factorization of {n}? List the prime factors from smallest to largest, repeating "
                "each as often as it divides.",
                "Factor {n} into primes and list every factor with repetition, in increasing order.",
            ),
            measure="prime factors",
            quantity=NUMBER,
        ),
        "divisor_count": Output(
            "count",
            "the number of divisors of {n}",
            asks=(
                "How many positive divisors does {n} have?",
                "How many whole numbers divide {n} exactly, counting 1 and the number itself?",
            ),
            measure="number of divisors",
            quantity=WAYS,
        ),
        "totient": Output(
            "integer",
            "Euler's totient of {n}",
            asks=(
                "Compute Euler's totient of {n}.",
                "How many positive integers up to {n} share no common factor with it?",
            ),
            measure="Euler's totient",
            quantity=WAYS,
        ),
    },
    examples=[{"n": 360}],
    timeout_s=5.0,
)
def prime_factorization(p: WholeNumber) -> dict:
    n, factors, d = p.n, [], 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors.append(n)
    counts = collections.Counter(factors)
    divisors = math.prod(e + 1 for e in counts.values())
    totient = p.n
    for prime in counts:
        totient = totient // prime * (prime - 1)
    return {"is_prime": factors == [p.n], "prime_factors": factors, "divisor_count": divisors, "totient": totient}


class Choose(BaseModel):
    n: int = Field(
        description="Size of the set.", ge=0, le=10000, json_schema_extra=port("count", samples=[52, 10, 49, 20, 6])
    )
    k: int = Field(
        description="Number chosen.", ge=0, le=10000, json_schema_extra=port("count", samples=[5, 3, 6, 2, 4])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Combinatorics of choosing k of n items: combinations (order ignored), permutations (order "
    "counts) and combinations with repetition.",
    outputs={
        "combinations": Output(
            "number",
            "the number of ways to choose {k} of {n} items ignoring order",
            asks=(
                "In how many ways can {k} items be chosen from {n} if order does not matter?",
                "How many different hands of {k} cards can be dealt from a deck of {n}?",
                "What is {n} choose {k}?",
            ),
            measure="number of combinations",
            quantity=WAYS,
        ),
        "permutations": Output(
            "number",
            "the number of ordered arrangements of {k} of {n} items",
            asks=(
                "In how many ordered ways can {k} of {n} items be arranged?",
                "A race has {n} runners. In how many ways can the first {k} places be filled?",
            ),
            measure="number of permutations",
            quantity=WAYS,
        ),
        "multisets": Output(
            "number",
            "the number of ways to choose {k} of {n} items with repetition",
            asks=(
                "How many ways are there to choose {k} items from {n} kinds when repeats are allowed and order does "
                "not matter?",
                "An ice-cream shop has {n} flavours. How many different cups of {k} scoops can it serve if flavours "
                "may repeat and order does not matter?",
            ),
            measure="number of multisets",
            quantity=WAYS,
        ),
    },
    examples=[{"n": 52, "k": 5}],
)
def combinations_count(p: Choose) -> dict:
    if p.k > p.n:
        raise ToolInputError("k cannot exceed n")
    counts = {
        "combinations": math.comb(p.n, p.k),
        "permutations": math.perm(p.n, p.k),
        "multisets": math.comb(p.n + p.k - 1, p.k) if p.n else 0,
    }
    if max(counts.values()).bit_length() > 1023:  # beyond a double (about 1.8e308)
        raise ToolInputError(f"the counts for n={p.n}, k={p.k} exceed 1.8e308, the largest number this tool returns")
    return {name: float(count) for name, count in counts.items()}


class IntegerPair(BaseModel):
    a: int = Field(
        description="First whole number.",
        ge=1,
        le=10**15,
        json_schema_extra=port("integer", quantity=NUMBER, samples=[84, 12, 1071, 17, 360]),
    )
    b: int = Field(
        description="Second whole number.",
        ge=1,
        le=10**15,
        json_schema_extra=port("integer", quantity=NUMBER, samples=[36, 18, 462, 5, 96]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Greatest common divisor and least common multiple of two whole numbers, and whether they are coprime.",
    outputs={
        "gcd": Output(
            "integer",
            "the greatest common divisor of {a} and {b}",
            asks=(
                "What is the greatest common divisor of {a} and {b}?",
                "Find the largest whole number that divides both {a} and {b}.",
            ),
            measure="greatest common divisor",
            quantity=NUMBER,
        ),
        "lcm": Output(
            "integer",
            "the least common multiple of {a} and {b}",
            asks=(
                "What is the least common multiple of {a} and {b}?",
                "Which is the smallest positive number that both {a} and {b} divide?",
            ),
            measure="least common multiple",
            quantity=NUMBER,
        ),
        "coprime": Output(
            "boolean",
            "whether {a} and {b} are coprime",
            asks=("Are {a} and {b} coprime?", "Do {a} and {b} have no common factor other than 1?"),
        ),
    },
    examples=[{"a": 84, "b": 36}],
)
def gcd_lcm(p: IntegerPair) -> dict:
    g = math.gcd(p.a, p.b)
    return {"gcd": g, "lcm": p.a * p.b // g, "coprime": g == 1}


class PrimeIndex(BaseModel):
    n: int = Field(
        description="Index of the prime (1 = 2), up to 1,000,000.",
        ge=1,
        le=1_000_000,
        json_schema_extra=port("integer", quantity=ORDINAL, samples=[100, 1, 1000, 10001, 25]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The n-th prime number (sieve of Eratosthenes) and the gap to the next prime.",
    outputs={
        "prime": Output(
            "integer",
            "prime number {n}",
            asks=(
                "Counting 2 as the first prime, what is prime number {n}?",
                "Which prime stands at position {n} in the list 2, 3, 5, 7, 11, ...?",
            ),
            measure="prime",
            quantity=NUMBER,
        ),
        "gap_to_next": Output(
            "integer",
            "the gap between prime number {n} and the next prime",
            asks=(
                "Counting 2 as the first prime, how far is prime number {n} from the prime after it?",
                "In the list of primes 2, 3, 5, 7, ..., what is the gap between the prime at position {n} and the "
                "next one?",
            ),
            measure="gap to the next prime",
            quantity=NUMBER,
        ),
    },
    examples=[{"n": 100}],
)
def nth_prime(p: PrimeIndex) -> dict:
    primes = _primes_up_to(16_000_000)
    return {"prime": primes[p.n - 1], "gap_to_next": primes[p.n] - primes[p.n - 1]}


@cache
def _primes_up_to(limit: int) -> list[int]:
    import numpy as np

    sieve = np.ones(limit + 1, dtype=bool)
    sieve[:2] = False
    for i in range(2, int(limit**0.5) + 1):
        if sieve[i]:
            sieve[i * i :: i] = False
    return np.flatnonzero(sieve).tolist()


class BaseQuery(BaseModel):
    number: int = Field(
        description="A whole number, 0 to 10^18.",
        ge=0,
        le=10**18,
        json_schema_extra=port("integer", quantity=NUMBER, samples=[255, 2024, 65535, 42, 1000000]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="A whole number written in binary, octal and hexadecimal, with its bit length and number of set bits.",
    outputs={
        "binary": Output(
            "label",
            "{number} in binary",
            asks=("What is {number} in binary?", "Write {number} in base 2."),
        ),
        "octal": Output(
            "label",
            "{number} in octal",
            asks=("What is {number} in octal?", "Write {number} in base 8."),
        ),
        "hexadecimal": Output(
            "label",
            "{number} in hexadecimal",
            asks=("What is {number} in hexadecimal? Use capital letters.", "Convert {number} to base 16."),
        ),
        "bit_length": Output(
            "count",
            "the number of bits needed for {number}",
            asks=(
                "How many bits are needed to write {number} in binary?",
                "Give the bit length of {number}.",
            ),
            measure="bit length",
            quantity=COUNT,
        ),
        "set_bits": Output(
            "count",
            "the number of 1 bits in {number}",
            asks=(
                "How many 1 bits does {number} have in binary?",
                "Count the 1 bits (the population count) of {number}.",
            ),
            measure="number of set bits",
            quantity=COUNT,
        ),
    },
    examples=[{"number": 255}],
)
def number_bases(p: BaseQuery) -> dict:
    n = p.number
    return {
        "binary": format(n, "b"),
        "octal": format(n, "o"),
        "hexadecimal": format(n, "X"),
        "bit_length": n.bit_length(),
        "set_bits": bin(n).count("1"),
    }


class Quadratic(BaseModel):
    a: float = Field(
        description="Coefficient of x^2 (not 0).",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", quantity=NUMBER, samples=[1, 2, 1, -4.9, 3]),
    )
    b: float = Field(
        description="Coefficient of x.",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", quantity=NUMBER, samples=[-3, 4, 2, 20, -6]),
    )
    c: float = Field(
        description="Constant term.",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", quantity=NUMBER, samples=[2, -6, 5, 1.5, 3]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Roots of the quadratic equation a x^2 + b x + c = 0: the discriminant, the real roots (smaller "
    "first) or the real and imaginary parts of complex roots, and the vertex.",
    outputs={
        "discriminant": Output(
            "number",
            "the discriminant of {a} x^2 + {b} x + {c}",
            asks=(
                "What is the discriminant b² - 4ac of a x² + b x + c with a = {a}, b = {b} and c = {c}?",
                "For the quadratic with coefficients a = {a}, b = {b}, c = {c}, what is b² - 4ac?",
            ),
            measure="discriminant",
            quantity=NUMBER,
        ),
        "root_1": Output(
            "number",
            "the smaller real root (or the real part) of {a} x^2 + {b} x + {c} = 0",
            asks=(
                "What is the smaller root of a x² + b x + c = 0 with a = {a}, b = {b} and c = {c}?",
                "Solve a x² + b x + c = 0 for a = {a}, b = {b}, c = {c}. Which of its two real solutions "
                "is the smaller?",
            ),
            worth=lambda _args, out: out.get("discriminant", -1) > 0,  # two real roots: the question has its answer
            measure="smaller root",
            quantity=NUMBER,
        ),
        "root_2": Output(
            "number",
            "the larger real root (or the imaginary part) of {a} x^2 + {b} x + {c} = 0",
            asks=(
                "What is the larger root of a x² + b x + c = 0 with a = {a}, b = {b} and c = {c}?",
                "Solve a x² + b x + c = 0 for a = {a}, b = {b}, c = {c}. Which of its two real solutions "
                "is the larger?",
            ),
            worth=lambda _args, out: out.get("discriminant", -1) > 0,
            measure="larger root",
            quantity=NUMBER,
        ),
        "vertex_x": Output(
            "number",
            "the x of the vertex of {a} x^2 + {b} x + {c}",
            asks=(
                "At what x does the parabola y = a x² + b x + c with a = {a}, b = {b}, c = {c} have its vertex?",
                "Where is the axis of symmetry of y = a x² + b x + c for a = {a}, b = {b} and c = {c}? Give x.",
            ),
            measure="x of the vertex",
            quantity=NUMBER,
        ),
    },
    examples=[{"a": 1, "b": -3, "c": 2}],
)
def quadratic_roots(p: Quadratic) -> dict:
    if p.a == 0:
        raise ToolInputError("a must not be 0 (the equation would not be quadratic)")
    d = p.b * p.b - 4 * p.a * p.c
    if d >= 0:
        r1, r2 = sorted(((-p.b - math.sqrt(d)) / (2 * p.a), (-p.b + math.sqrt(d)) / (2 * p.a)))
    else:
        r1, r2 = -p.b / (2 * p.a), math.sqrt(-d) / (2 * abs(p.a))
    return {
        "discriminant": d,
        "root_1": round(r1, 10),
        "root_2": round(r2, 10),
        "vertex_x": round(-p.b / (2 * p.a), 10),
    }
