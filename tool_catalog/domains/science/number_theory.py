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
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


class WholeNumber(BaseModel):
    n: int = Field(
        description="A whole number from 2 to 10^12.",
        ge=2,
        le=10**12,
        json_schema_extra=port("integer", samples=[360, 97, 1001, 65536, 600851475143]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Prime factorization of a whole number (trial division): whether it is prime, its prime factors "
    "with multiplicity, its number of divisors and Euler's totient.",
    outputs={
        "is_prime": Output("boolean", "whether {n} is prime"),
        "prime_factors": Output("number_list", "the prime factors of {n} with multiplicity"),
        "divisor_count": Output("count", "the number of divisors of {n}"),
        "totient": Output("integer", "Euler's totient of {n}"),
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
        "combinations": Output("number", "the number of ways to choose {k} of {n} items ignoring order"),
        "permutations": Output("number", "the number of ordered arrangements of {k} of {n} items"),
        "multisets": Output("number", "the number of ways to choose {k} of {n} items with repetition"),
    },
    examples=[{"n": 52, "k": 5}],
)
def combinations_count(p: Choose) -> dict:
    if p.k > p.n:
        raise ToolInputError("k cannot exceed n")
    return {
        "combinations": float(math.comb(p.n, p.k)),
        "permutations": float(math.perm(p.n, p.k)),
        "multisets": float(math.comb(p.n + p.k - 1, p.k)) if p.n else 0.0,
    }


class IntegerPair(BaseModel):
    a: int = Field(
        description="First whole number.",
        ge=1,
        le=10**15,
        json_schema_extra=port("integer", samples=[84, 12, 1071, 17, 360]),
    )
    b: int = Field(
        description="Second whole number.",
        ge=1,
        le=10**15,
        json_schema_extra=port("integer", samples=[36, 18, 462, 5, 96]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Greatest common divisor and least common multiple of two whole numbers, and whether they are coprime.",
    outputs={
        "gcd": Output("integer", "the greatest common divisor of {a} and {b}"),
        "lcm": Output("integer", "the least common multiple of {a} and {b}"),
        "coprime": Output("boolean", "whether {a} and {b} are coprime"),
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
        json_schema_extra=port("integer", samples=[100, 1, 1000, 10001, 25]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="The n-th prime number (sieve of Eratosthenes) and the gap to the next prime.",
    outputs={
        "prime": Output("integer", "prime number {n}"),
        "gap_to_next": Output("integer", "the gap between prime number {n} and the next prime"),
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
        json_schema_extra=port("integer", samples=[255, 2024, 65535, 42, 1000000]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="A whole number written in binary, octal and hexadecimal, with its bit length and number of set bits.",
    outputs={
        "binary": Output("label", "{number} in binary"),
        "octal": Output("label", "{number} in octal"),
        "hexadecimal": Output("label", "{number} in hexadecimal"),
        "bit_length": Output("count", "the number of bits needed for {number}"),
        "set_bits": Output("count", "the number of 1 bits in {number}"),
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
        json_schema_extra=port("number", samples=[1, 2, 1, -4.9, 3]),
    )
    b: float = Field(
        description="Coefficient of x.",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", samples=[-3, 4, 2, 20, -6]),
    )
    c: float = Field(
        description="Constant term.",
        ge=-1e9,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("number", samples=[2, -6, 5, 1.5, 3]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Roots of the quadratic equation a x^2 + b x + c = 0: the discriminant, the real roots (smaller "
    "first) or the real and imaginary parts of complex roots, and the vertex.",
    outputs={
        "discriminant": Output("number", "the discriminant of {a} x^2 + {b} x + {c}"),
        "root_1": Output("number", "the smaller real root (or the real part) of {a} x^2 + {b} x + {c} = 0"),
        "root_2": Output("number", "the larger real root (or the imaginary part) of {a} x^2 + {b} x + {c} = 0"),
        "vertex_x": Output("number", "the x of the vertex of {a} x^2 + {b} x + {c}"),
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
