"""Clinical formulas, published equations written out here: BMI and BSA, CKD-EPI 2021 eGFR, Cockcroft-Gault,
QTc, anion gap, corrected calcium, ideal body weight, blood pressure, osmolality, HbA1c, Friedewald LDL, BMR,
maintenance fluids, pregnancy dating and lab unit conversion, with the matching ICD-10-CM codes (simple-icd-10-cm)."""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, Field

from tool_catalog.domains.medchem.common import DOMAIN, FORMULA, formula, icd
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


@cache
def _adult_bmi_codes() -> tuple[tuple[float, float, str], ...]:
    """(low, high, code) of the adult BMI codes Z68.1-Z68.45, parsed from their descriptions."""
    cm = icd()
    number = r"(\d+(?:\.\d+)?)"
    ranges = []
    for code in cm.get_descendants("Z68"):
        text = cm.get_description(code)
        if not cm.is_leaf(code) or not text.endswith(", adult"):
            continue
        if m := re.search(number + "-" + number, text):
            ranges.append((float(m[1]), float(m[2]), code))
        elif m := re.search(number + " or less", text):
            ranges.append((0.0, float(m[1]), code))
        elif m := re.search(number + " or greater", text):
            ranges.append((float(m[1]), math.inf, code))
    return tuple(ranges)


def _bmi_code(bmi: float) -> str | None:
    value = round(bmi, 1)
    return next((code for low, high, code in _adult_bmi_codes() if low <= value <= high), None)


def _ckd_code(stage: str) -> str | None:
    """The billable N18 code whose description names the CKD stage ('3a' for KDIGO category G3a)."""
    cm = icd()
    token = stage.removeprefix("G").lower()
    for code in cm.get_descendants("N18"):
        found = re.search(r"stage (\w+)", cm.get_description(code))
        if cm.is_leaf(code) and found and found[1].lower() == token:
            return code
    return None


Sex = Literal["female", "male"]
_SEX_DOC = "Sex used by the equation: 'female' or 'male'."


class BodySize(BaseModel):
    weight_kg: float = Field(
        description="Body weight in kilograms.",
        gt=0.5,
        le=500,
        json_schema_extra=port("number", quantity=quantity("kg"), samples=[70, 85.5, 54, 102, 63.2]),
    )
    height_cm: float = Field(
        description="Body height in centimetres.",
        ge=30,
        le=272,
        json_schema_extra=port("number", quantity=quantity("cm"), samples=[175, 162, 181.5, 158, 190]),
    )


def _bmi_class(bmi: float) -> str:
    for limit, label in ((18.5, "underweight"), (25, "normal weight"), (30, "overweight")):
        if bmi < limit:
            return label
    for limit, label in ((35, "obesity class I"), (40, "obesity class II")):
        if bmi < limit:
            return label
    return "obesity class III"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="simple-icd-10-cm",
    description="Body mass index (kg/m2) with its WHO adult category and ICD-10-CM adult BMI code (Z68), and body "
    "surface area (m2) by the Mosteller and Du Bois formulas, from weight and height.",
    outputs={
        "bmi": Output(
            "number",
            "the body mass index of a person weighing {weight_kg} kg and {height_cm} cm tall",
            asks=(
                "What is the BMI of a person who weighs {weight_kg} kg and is {height_cm} cm tall?",
                "I weigh {weight_kg} kg and I'm {height_cm} cm tall. What is my body mass index in kg/m²?",
                "Calculate the body mass index of an adult who is {height_cm} cm tall and weighs {weight_kg} kg.",
            ),
            measure="body mass index",
            quantity=quantity("kg/m**2"),
        ),
        "bmi_category": Output(
            "label",
            "the WHO body mass index category of an adult weighing {weight_kg} kg and {height_cm} cm tall",
            asks=(
                "Which WHO BMI category does an adult weighing {weight_kg} kg at a height of {height_cm} cm fall into?",
                "By WHO criteria, is an adult who is {height_cm} cm tall and weighs {weight_kg} kg underweight, of "
                "normal weight, overweight or obese? Give the category.",
            ),
        ),
        "bsa_mosteller_m2": Output(
            "number",
            "the Mosteller body surface area in m2 of a person weighing {weight_kg} kg and {height_cm} cm tall",
            asks=(
                "What is the Mosteller body surface area, in m², of a patient who weighs {weight_kg} kg and is "
                "{height_cm} cm tall?",
                "For chemotherapy dosing, what body surface area by the Mosteller formula does a {height_cm} cm, "
                "{weight_kg} kg patient have, in m²?",
            ),
            measure="body surface area (Mosteller)",
            quantity=quantity("m**2"),
        ),
        "bsa_dubois_m2": Output(
            "number",
            "the Du Bois body surface area in m2 of a person weighing {weight_kg} kg and {height_cm} cm tall",
            asks=(
                "What is the Du Bois body surface area, in m², of someone who weighs {weight_kg} kg and is "
                "{height_cm} cm tall?",
                "Using the Du Bois formula, how large is the body surface area of a {height_cm} cm tall, "
                "{weight_kg} kg adult, in m²?",
            ),
            measure="body surface area (Du Bois)",
            quantity=quantity("m**2"),
        ),
        "bmi_icd10cm_code": Output(
            "icd10cm_code",
            "the ICD-10-CM adult BMI code for a person weighing {weight_kg} kg and {height_cm} cm tall",
            asks=(
                "Which ICD-10-CM Z68 code records the BMI of an adult who weighs {weight_kg} kg and is {height_cm} cm "
                "tall?",
                "An adult patient is {height_cm} cm tall and weighs {weight_kg} kg. Which ICD-10-CM body mass index "
                "code applies?",
            ),
            chain=False,  # every such code is in Z68 "Body mass index [BMI]": its category is fixed
        ),
    },
    examples=[{"weight_kg": 70, "height_cm": 175}, {"weight_kg": 102, "height_cm": 168}],
)
def body_size_indices(p: BodySize) -> dict:
    bmi = p.weight_kg / (p.height_cm / 100.0) ** 2
    return {
        "bmi": round(bmi, 2),
        "bmi_category": _bmi_class(round(bmi, 1)),
        "bsa_mosteller_m2": round(math.sqrt(p.weight_kg * p.height_cm / 3600.0), 3),
        "bsa_dubois_m2": round(0.007184 * p.weight_kg**0.425 * p.height_cm**0.725, 3),
        "bmi_icd10cm_code": _bmi_code(bmi),
    }


class Egfr(BaseModel):
    creatinine_mg_dl: float = Field(
        description="Serum creatinine in mg/dL (IDMS-traceable).",
        gt=0.05,
        le=30,
        json_schema_extra=port("number", quantity=quantity("mg/dL"), samples=[0.8, 1.0, 1.3, 2.1, 0.6, 4.5]),
    )
    age: int = Field(
        description="Age in years (adult).",
        ge=18,
        le=120,
        json_schema_extra=port("integer", quantity=quantity("year"), samples=[35, 50, 67, 80, 24]),
    )
    sex: Sex = Field(description=_SEX_DOC, json_schema_extra=port("label", samples=["female", "male"]))


def _ckd_stage(egfr: float) -> str:
    for limit, stage in ((90, "G1"), (60, "G2"), (45, "G3a"), (30, "G3b"), (15, "G4")):
        if egfr >= limit:
            return stage
    return "G5"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="simple-icd-10-cm",
    description="Estimated glomerular filtration rate (mL/min/1.73 m2) by the race-free CKD-EPI 2021 creatinine "
    "equation, with the KDIGO GFR category (G1-G5) and the ICD-10-CM code of chronic kidney disease at that stage.",
    outputs={
        "egfr": Output(
            "number",
            "the CKD-EPI 2021 eGFR in mL/min/1.73 m2 of a {age}-year-old {sex} with serum creatinine "
            "{creatinine_mg_dl} mg/dL",
            asks=(
                "What is the CKD-EPI 2021 eGFR, in mL/min/1.73 m², of a {age}-year-old {sex} with a serum creatinine "
                "of {creatinine_mg_dl} mg/dL?",
                "A {age}-year-old {sex} patient has a serum creatinine of {creatinine_mg_dl} mg/dL. Estimate the GFR "
                "with the race-free CKD-EPI 2021 equation, in mL/min/1.73 m².",
                "How well are the kidneys of a {age}-year-old {sex} with creatinine {creatinine_mg_dl} mg/dL "
                "filtering? Give the CKD-EPI 2021 eGFR in mL/min/1.73 m².",
            ),
            measure="estimated glomerular filtration rate",
            quantity=quantity("mL/min"),
        ),
        "gfr_category": Output(
            "label",
            "the KDIGO GFR category of a {age}-year-old {sex} with serum creatinine {creatinine_mg_dl} mg/dL "
            "by CKD-EPI 2021",
            asks=(
                "Which KDIGO GFR category (G1 to G5) does a {age}-year-old {sex} with a serum creatinine of "
                "{creatinine_mg_dl} mg/dL fall into by CKD-EPI 2021?",
                "By the CKD-EPI 2021 eGFR, what GFR stage does a {age}-year-old {sex} with creatinine "
                "{creatinine_mg_dl} mg/dL have? Answer G1, G2, G3a, G3b, G4 or G5.",
            ),
        ),
        "ckd_icd10cm_code": Output(
            "icd10cm_code",
            "the ICD-10-CM code for chronic kidney disease at the GFR category of a {age}-year-old {sex} with serum "
            "creatinine {creatinine_mg_dl} mg/dL by CKD-EPI 2021",
            asks=(
                "Which ICD-10-CM chronic kidney disease code matches the CKD-EPI 2021 GFR category of a {age}-year-old "
                "{sex} with a serum creatinine of {creatinine_mg_dl} mg/dL?",
                "A {age}-year-old {sex} has a serum creatinine of {creatinine_mg_dl} mg/dL. Which N18 code fits the "
                "CKD stage that the CKD-EPI 2021 eGFR implies?",
            ),
            chain=("icd10cm_code_info",),
        ),
    },
    examples=[
        {"creatinine_mg_dl": 1.0, "age": 50, "sex": "male"},
        {"creatinine_mg_dl": 1.3, "age": 67, "sex": "female"},
    ],
)
def egfr_ckd_epi_2021(p: Egfr) -> dict:
    female = p.sex == "female"
    kappa, alpha = (0.7, -0.241) if female else (0.9, -0.302)
    ratio = p.creatinine_mg_dl / kappa
    egfr = 142.0 * min(ratio, 1.0) ** alpha * max(ratio, 1.0) ** -1.2 * 0.9938**p.age * (1.012 if female else 1.0)
    egfr = round(egfr, 1)
    stage = _ckd_stage(egfr)
    return {"egfr": egfr, "gfr_category": stage, "ckd_icd10cm_code": _ckd_code(stage)}


class CockcroftGault(BaseModel):
    creatinine_mg_dl: float = Field(
        description="Serum creatinine in mg/dL.",
        gt=0.05,
        le=30,
        json_schema_extra=port("number", quantity=quantity("mg/dL"), samples=[0.8, 1.0, 1.3, 2.1, 0.6, 4.5]),
    )
    age: int = Field(
        description="Age in years (adult).",
        ge=18,
        le=120,
        json_schema_extra=port("integer", quantity=quantity("year"), samples=[35, 50, 67, 80, 24]),
    )
    weight_kg: float = Field(
        description="Body weight in kilograms.",
        gt=20,
        le=500,
        json_schema_extra=port("number", quantity=quantity("kg"), samples=[70, 85.5, 54, 102, 63.2]),
    )
    sex: Sex = Field(description=_SEX_DOC, json_schema_extra=port("label", samples=["female", "male"]))


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Creatinine clearance (mL/min) by the Cockcroft-Gault equation: (140 - age) x weight / (72 x serum "
    "creatinine), times 0.85 for females.",
    outputs={
        "creatinine_clearance": Output(
            "number",
            "the Cockcroft-Gault creatinine clearance in mL/min of a {age}-year-old {sex} weighing {weight_kg} kg "
            "with serum creatinine {creatinine_mg_dl} mg/dL",
            asks=(
                "What is the Cockcroft-Gault creatinine clearance, in mL/min, of a {age}-year-old {sex} who weighs "
                "{weight_kg} kg and has a serum creatinine of {creatinine_mg_dl} mg/dL?",
                "For renal dose adjustment: a {age}-year-old {sex} weighing {weight_kg} kg has serum creatinine "
                "{creatinine_mg_dl} mg/dL. What is the creatinine clearance by Cockcroft-Gault, in mL/min?",
            ),
            measure="creatinine clearance",
            quantity=quantity("mL/min"),
        ),
    },
    examples=[{"creatinine_mg_dl": 1.0, "age": 60, "weight_kg": 72, "sex": "male"}],
)
def creatinine_clearance_cockcroft_gault(p: CockcroftGault) -> dict:
    clearance = (140 - p.age) * p.weight_kg / (72.0 * p.creatinine_mg_dl)
    if p.sex == "female":
        clearance *= 0.85
    return {"creatinine_clearance": round(clearance, 1)}


class MassConcentration(BaseModel):
    formula: str = Field(
        description="Chemical formula of the solute, e.g. 'C6H12O6' for glucose.",
        pattern=FORMULA,
        json_schema_extra=port("chemical_formula", samples=["C6H12O6", "C4H7N3O", "CH4N2O", "C27H46O", "C5H4N4O3"]),
    )
    mg_per_dl: float = Field(
        description="Mass concentration in mg/dL.",
        gt=0,
        le=1e6,
        json_schema_extra=port("number", quantity=quantity("mg/dL"), samples=[100, 1.0, 20, 200, 6.5]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="molmass",
    description="Convert a laboratory mass concentration in mg/dL to molar concentration (mmol/L and umol/L) "
    "using the molar mass of the solute's formula (e.g. glucose, creatinine, urea, cholesterol).",
    outputs={
        "mmol_per_l": Output(
            "number",
            "the concentration in mmol/L of {mg_per_dl} mg/dL of a solute with {formula}",
            asks=(
                "Convert {mg_per_dl} mg/dL of a solute with {formula} to mmol/L.",
                "A lab reports {mg_per_dl} mg/dL of a substance with {formula}. What is that in mmol/L?",
            ),
            measure="molar concentration",
            quantity=quantity("mmol/L"),
        ),
        "umol_per_l": Output(
            "number",
            "the concentration in umol/L of {mg_per_dl} mg/dL of a solute with {formula}",
            asks=(
                "Convert {mg_per_dl} mg/dL of a solute with {formula} to µmol/L.",
                "A result of {mg_per_dl} mg/dL is reported for a substance with {formula}. How many micromoles per "
                "litre is that?",
            ),
            measure="molar concentration",
            quantity=quantity("umol/L"),
        ),
    },
    examples=[{"formula": "C6H12O6", "mg_per_dl": 100}, {"formula": "C4H7N3O", "mg_per_dl": 1.0}],
)
def mg_dl_to_mmol_l(p: MassConcentration) -> dict:
    molar_mass = formula(p.formula).mass
    mmol = p.mg_per_dl * 10.0 / molar_mass
    return {"mmol_per_l": round(mmol, 4), "umol_per_l": round(mmol * 1000.0, 2)}


def _num(desc: str, samples: list[float], lo: float, hi: float, unit: str) -> Any:
    return Field(
        description=desc, ge=lo, le=hi, json_schema_extra=port("number", quantity=quantity(unit), samples=samples)
    )


class QtInterval(BaseModel):
    qt_ms: float = _num("Measured QT interval in milliseconds.", [400, 380, 450, 420, 360], 150, 800, "ms")
    heart_rate_bpm: float = _num("Heart rate in beats per minute.", [75, 60, 98, 110, 52], 20, 300, "1/minute")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Heart-rate-corrected QT interval (ms) by the Bazett, Fridericia, Framingham and Hodges formulas, "
    "and whether the Bazett value exceeds 450 ms.",
    outputs={
        "qtc_bazett": Output(
            "number",
            "the Bazett-corrected QT in ms for a QT of {qt_ms} ms at {heart_rate_bpm} bpm",
            asks=(
                "What is the Bazett-corrected QT interval, in ms, for a measured QT of {qt_ms} ms at a heart rate of "
                "{heart_rate_bpm} bpm?",
                "An ECG shows a QT of {qt_ms} ms at {heart_rate_bpm} beats per minute. What is the QTc by Bazett's "
                "formula, in ms?",
                "Correct a QT interval of {qt_ms} ms for a heart rate of {heart_rate_bpm} bpm with Bazett's formula. "
                "What QTc do you get, in milliseconds?",
            ),
            measure="corrected QT interval (Bazett)",
            quantity=quantity("ms"),
        ),
        "qtc_fridericia": Output(
            "number",
            "the Fridericia-corrected QT in ms for a QT of {qt_ms} ms at {heart_rate_bpm} bpm",
            asks=(
                "What is the Fridericia-corrected QT interval, in ms, for a measured QT of {qt_ms} ms at a heart rate "
                "of {heart_rate_bpm} bpm?",
                "An ECG shows a QT of {qt_ms} ms at {heart_rate_bpm} beats per minute. What is the QTc by Fridericia's "
                "cube-root formula, in ms?",
            ),
            measure="corrected QT interval (Fridericia)",
            quantity=quantity("ms"),
        ),
        "qtc_framingham": Output(
            "number",
            "the Framingham-corrected QT in ms for a QT of {qt_ms} ms at {heart_rate_bpm} bpm",
            asks=(
                "What is the Framingham-corrected QT interval, in ms, for a QT of {qt_ms} ms at {heart_rate_bpm} bpm?",
                "With a measured QT of {qt_ms} ms and a heart rate of {heart_rate_bpm} bpm, what QTc does the "
                "Framingham linear formula give, in ms?",
            ),
            measure="corrected QT interval (Framingham)",
            quantity=quantity("ms"),
        ),
        "qtc_hodges": Output(
            "number",
            "the Hodges-corrected QT in ms for a QT of {qt_ms} ms at {heart_rate_bpm} bpm",
            asks=(
                "What is the Hodges-corrected QT interval, in ms, for a QT of {qt_ms} ms at {heart_rate_bpm} bpm?",
                "An ECG has a QT of {qt_ms} ms at a rate of {heart_rate_bpm} beats per minute. What is the QTc by the "
                "Hodges formula, in ms?",
            ),
            measure="corrected QT interval (Hodges)",
            quantity=quantity("ms"),
        ),
        "prolonged": Output(
            "boolean",
            "whether a QT of {qt_ms} ms at {heart_rate_bpm} bpm is prolonged by Bazett",
            asks=(
                "Is a QT of {qt_ms} ms at {heart_rate_bpm} bpm prolonged, with a Bazett QTc above 450 ms?",
                "With a measured QT of {qt_ms} ms and a heart rate of {heart_rate_bpm} bpm, does the Bazett-corrected "
                "QT exceed 450 ms?",
            ),
        ),
    },
    examples=[{"qt_ms": 400, "heart_rate_bpm": 75}],
)
def qtc_correction(p: QtInterval) -> dict:
    rr = 60.0 / p.heart_rate_bpm
    bazett = p.qt_ms / math.sqrt(rr)
    return {
        "qtc_bazett": round(bazett, 1),
        "qtc_fridericia": round(p.qt_ms / rr ** (1 / 3), 1),
        "qtc_framingham": round(p.qt_ms + 154 * (1 - rr), 1),
        "qtc_hodges": round(p.qt_ms + 1.75 * (p.heart_rate_bpm - 60), 1),
        "prolonged": bazett > 450,
    }


class Electrolytes(BaseModel):
    sodium: float = _num("Serum sodium in mmol/L.", [140, 135, 145, 128, 150], 80, 200, "mmol/L")
    chloride: float = _num("Serum chloride in mmol/L.", [104, 98, 110, 95, 112], 50, 160, "mmol/L")
    bicarbonate: float = _num("Serum bicarbonate in mmol/L.", [24, 12, 28, 18, 8], 1, 60, "mmol/L")
    albumin_g_dl: float = _num("Serum albumin in g/dL (4.0 is normal).", [4.0, 2.5, 3.5, 4.4, 2.0], 0.5, 7, "g/dL")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Serum anion gap Na - (Cl + HCO3) in mmol/L, the albumin-corrected gap (+2.5 per g/dL below 4), "
    "and whether the corrected gap is high (> 12).",
    outputs={
        "anion_gap": Output(
            "number",
            "the anion gap with sodium {sodium}, chloride {chloride}, bicarbonate {bicarbonate} mmol/L"
            " and albumin {albumin_g_dl} g/dL",
            asks=(
                "What is the serum anion gap, in mmol/L, with sodium {sodium} mmol/L, chloride {chloride} mmol/L, "
                "bicarbonate {bicarbonate} mmol/L and albumin {albumin_g_dl} g/dL?",
                "A patient's labs: Na {sodium}, Cl {chloride} and HCO3 {bicarbonate} mmol/L, albumin {albumin_g_dl} "
                "g/dL. What is the uncorrected anion gap in mmol/L?",
            ),
            measure="anion gap",
            quantity=quantity("mmol/L"),
        ),
        "corrected_anion_gap": Output(
            "number",
            "the albumin-corrected anion gap with sodium {sodium}, chloride {chloride}, bicarbonate "
            "{bicarbonate} mmol/L and albumin {albumin_g_dl} g/dL",
            asks=(
                "What is the albumin-corrected anion gap, in mmol/L, with sodium {sodium} mmol/L, chloride {chloride} "
                "mmol/L, bicarbonate {bicarbonate} mmol/L and albumin {albumin_g_dl} g/dL?",
                "Labs show Na {sodium}, Cl {chloride}, HCO3 {bicarbonate} mmol/L and albumin {albumin_g_dl} g/dL. "
                "Corrected for albumin, what is the anion gap in mmol/L?",
            ),
            measure="albumin-corrected anion gap",
            quantity=quantity("mmol/L"),
        ),
        "high_gap": Output(
            "boolean",
            "whether the corrected anion gap is high with sodium {sodium}, chloride {chloride}, "
            "bicarbonate {bicarbonate} mmol/L and albumin {albumin_g_dl} g/dL",
            asks=(
                "Is the albumin-corrected anion gap above 12 mmol/L with sodium {sodium} mmol/L, chloride {chloride} "
                "mmol/L, bicarbonate {bicarbonate} mmol/L and albumin {albumin_g_dl} g/dL?",
                "Does a patient with Na {sodium}, Cl {chloride}, HCO3 {bicarbonate} mmol/L and albumin {albumin_g_dl} "
                "g/dL have a high anion gap once it is corrected for albumin?",
            ),
        ),
    },
    examples=[{"sodium": 140, "chloride": 104, "bicarbonate": 24, "albumin_g_dl": 4.0}],
)
def anion_gap(p: Electrolytes) -> dict:
    gap = p.sodium - (p.chloride + p.bicarbonate)
    corrected = gap + 2.5 * (4.0 - p.albumin_g_dl)
    return {"anion_gap": round(gap, 1), "corrected_anion_gap": round(corrected, 1), "high_gap": corrected > 12}


class Calcium(BaseModel):
    calcium_mg_dl: float = _num("Measured total serum calcium in mg/dL.", [8.0, 9.5, 7.2, 10.4, 8.6], 2, 20, "mg/dL")
    albumin_g_dl: float = _num("Serum albumin in g/dL.", [2.5, 4.0, 2.0, 3.1, 3.6], 0.5, 7, "g/dL")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Albumin-corrected serum calcium (Payne: Ca + 0.8 x (4 - albumin)) in mg/dL and mmol/L.",
    outputs={
        "corrected_calcium_mg_dl": Output(
            "number",
            "the albumin-corrected calcium in mg/dL for calcium {calcium_mg_dl} mg/dL and albumin {albumin_g_dl} g/dL",
            asks=(
                "What is the albumin-corrected calcium, in mg/dL, for a total serum calcium of {calcium_mg_dl} mg/dL "
                "with albumin {albumin_g_dl} g/dL?",
                "A patient has a total calcium of {calcium_mg_dl} mg/dL and an albumin of {albumin_g_dl} g/dL. What "
                "is the corrected calcium by Payne's formula, in mg/dL?",
            ),
            measure="albumin-corrected calcium",
            quantity=quantity("mg/dL"),
        ),
        "corrected_calcium_mmol_l": Output(
            "number",
            "the albumin-corrected calcium in mmol/L for calcium {calcium_mg_dl} mg/dL and albumin {albumin_g_dl} g/dL",
            asks=(
                "What is the albumin-corrected calcium, in mmol/L, for a total calcium of {calcium_mg_dl} mg/dL with "
                "albumin {albumin_g_dl} g/dL?",
                "Total calcium is {calcium_mg_dl} mg/dL and albumin {albumin_g_dl} g/dL. Give the corrected calcium "
                "in mmol/L.",
            ),
            measure="albumin-corrected calcium",
            quantity=quantity("mmol/L"),
        ),
    },
    examples=[{"calcium_mg_dl": 8.0, "albumin_g_dl": 2.5}],
)
def corrected_calcium(p: Calcium) -> dict:
    corrected = p.calcium_mg_dl + 0.8 * (4.0 - p.albumin_g_dl)
    return {"corrected_calcium_mg_dl": round(corrected, 2), "corrected_calcium_mmol_l": round(corrected / 4.008, 3)}


class HeightSex(BaseModel):
    height_cm: float = _num(
        "Body height in centimetres (adult, at least 152.4 cm for the Devine formula).",
        [175, 162, 181.5, 158, 190],
        152.4,
        272,
        "cm",
    )
    sex: Literal["female", "male"] = Field(
        description=_SEX_DOC, json_schema_extra=port("label", samples=["female", "male"])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Ideal body weight (kg) of an adult by the Devine, Robinson and Miller formulas (base weight plus "
    "an increment per inch over 5 feet).",
    outputs={
        "ibw_devine_kg": Output(
            "number",
            "the Devine ideal body weight in kg of a {sex} {height_cm} cm tall",
            asks=(
                "What is the Devine ideal body weight, in kg, of an adult {sex} who is {height_cm} cm tall?",
                "For drug dosing, what ideal body weight in kg does the Devine formula give for a {sex} patient of "
                "{height_cm} cm?",
                "I'm a {sex}, {height_cm} cm tall. What is my ideal body weight by the Devine formula, in kg?",
            ),
            measure="ideal body weight (Devine)",
            quantity=quantity("kg"),
        ),
        "ibw_robinson_kg": Output(
            "number",
            "the Robinson ideal body weight in kg of a {sex} {height_cm} cm tall",
            asks=(
                "What is the Robinson ideal body weight, in kg, of an adult {sex} who is {height_cm} cm tall?",
                "By the Robinson formula, what should a {sex} of {height_cm} cm ideally weigh, in kg?",
            ),
            measure="ideal body weight (Robinson)",
            quantity=quantity("kg"),
        ),
        "ibw_miller_kg": Output(
            "number",
            "the Miller ideal body weight in kg of a {sex} {height_cm} cm tall",
            asks=(
                "What is the Miller ideal body weight, in kg, of an adult {sex} who is {height_cm} cm tall?",
                "By the Miller formula, what should a {sex} of {height_cm} cm ideally weigh, in kg?",
            ),
            measure="ideal body weight (Miller)",
            quantity=quantity("kg"),
        ),
    },
    examples=[{"height_cm": 175, "sex": "male"}, {"height_cm": 162, "sex": "female"}],
)
def ideal_body_weight(p: HeightSex) -> dict:
    inches = p.height_cm / 2.54 - 60
    male = p.sex == "male"
    return {
        "ibw_devine_kg": round((50.0 if male else 45.5) + 2.3 * inches, 1),
        "ibw_robinson_kg": round((52.0 if male else 49.0) + (1.9 if male else 1.7) * inches, 1),
        "ibw_miller_kg": round((56.2 if male else 53.1) + (1.41 if male else 1.36) * inches, 1),
    }


class BloodPressure(BaseModel):
    systolic: float = _num("Systolic blood pressure in mmHg.", [120, 135, 150, 118, 182], 40, 300, "mmHg")
    diastolic: float = _num("Diastolic blood pressure in mmHg.", [80, 85, 95, 76, 110], 20, 200, "mmHg")


def _bp_category(s: float, d: float) -> tuple[str, str | None]:
    """ACC/AHA 2017 category and the ICD-10-CM code a clinician would use for the reading."""
    if s > 180 or d > 120:
        return "hypertensive crisis", "I16.9"
    if s >= 140 or d >= 90:
        return "stage 2 hypertension", "I10"
    if s >= 130 or d >= 80:
        return "stage 1 hypertension", "I10"
    if s >= 120:
        return "elevated", "R03.0"
    return "normal", None


@tool(
    domain=DOMAIN,
    kind="processing",
    package="simple-icd-10-cm",
    description="Mean arterial pressure and pulse pressure (mmHg) of a blood-pressure reading, its ACC/AHA 2017 "
    "category, and the ICD-10-CM code matching that category (R03.0 elevated reading, I10, I16.9 crisis).",
    outputs={
        "mean_arterial_pressure": Output(
            "number",
            "the mean arterial pressure of a {systolic}/{diastolic} mmHg reading",
            asks=(
                "What is the mean arterial pressure of a blood pressure reading of {systolic}/{diastolic} mmHg, in "
                "mmHg?",
                "My blood pressure is {systolic}/{diastolic} mmHg. What is my mean arterial pressure?",
            ),
            measure="mean arterial pressure",
            quantity=quantity("mmHg"),
        ),
        "pulse_pressure": Output(
            "number",
            "the pulse pressure of a {systolic}/{diastolic} mmHg reading",
            asks=(
                "What is the pulse pressure of a {systolic}/{diastolic} mmHg reading, in mmHg?",
                "How wide is the gap between systolic and diastolic pressure in a reading of {systolic}/{diastolic} "
                "mmHg?",
            ),
            measure="pulse pressure",
            quantity=quantity("mmHg"),
            askable=False,  # systolic minus diastolic, both stated: no tool needed
        ),
        "category": Output(
            "label",
            "the ACC/AHA blood pressure category of a {systolic}/{diastolic} mmHg reading",
            asks=(
                "Which 2017 ACC/AHA blood pressure category does a reading of {systolic}/{diastolic} mmHg fall into?",
                "Under the 2017 ACC/AHA guideline, is {systolic}/{diastolic} mmHg normal, elevated, stage 1 or stage "
                "2 hypertension, or a hypertensive crisis?",
            ),
        ),
        "icd10cm_code": Output(
            "icd10cm_code",
            "the ICD-10-CM code for a {systolic}/{diastolic} mmHg reading",
            asks=(
                "Which ICD-10-CM code fits the ACC/AHA category of a blood pressure reading of {systolic}/{diastolic} "
                "mmHg?",
                "A patient's blood pressure is {systolic}/{diastolic} mmHg. Which ICD-10-CM code matches the "
                "category of that reading?",
            ),
            chain=("icd10cm_code_info",),
        ),
    },
    examples=[{"systolic": 150, "diastolic": 95}, {"systolic": 118, "diastolic": 76}],
)
def blood_pressure_assessment(p: BloodPressure) -> dict:
    if p.diastolic >= p.systolic:
        raise ToolInputError("diastolic pressure must be lower than systolic pressure")
    category, code = _bp_category(p.systolic, p.diastolic)
    return {
        "mean_arterial_pressure": round((p.systolic + 2 * p.diastolic) / 3, 1),
        "pulse_pressure": p.systolic - p.diastolic,
        "category": category,
        "icd10cm_code": code,
    }


class Osmolality(BaseModel):
    sodium: float = _num("Serum sodium in mmol/L.", [140, 135, 128, 150, 145], 80, 200, "mmol/L")
    glucose_mg_dl: float = _num("Serum glucose in mg/dL.", [90, 180, 400, 110, 250], 10, 3000, "mg/dL")
    bun_mg_dl: float = _num("Blood urea nitrogen in mg/dL.", [14, 28, 40, 10, 60], 1, 300, "mg/dL")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Calculated serum osmolality 2 Na + glucose/18 + BUN/2.8 (mOsm/kg) and whether it is above the "
    "reference range (> 295).",
    outputs={
        "osmolality": Output(
            "number",
            "the calculated serum osmolality with sodium {sodium} mmol/L, glucose {glucose_mg_dl} mg/dL "
            "and BUN {bun_mg_dl} mg/dL",
            asks=(
                "What is the calculated serum osmolality, in mOsm/kg, with sodium {sodium} mmol/L, glucose "
                "{glucose_mg_dl} mg/dL and BUN {bun_mg_dl} mg/dL?",
                "Labs show Na {sodium} mmol/L, glucose {glucose_mg_dl} mg/dL and BUN {bun_mg_dl} mg/dL. Estimate the "
                "serum osmolality in mOsm/kg.",
            ),
            measure="calculated serum osmolality",
            quantity=quantity("mmol/kg"),
        ),
        "hyperosmolar": Output(
            "boolean",
            "whether the serum is hyperosmolar with sodium {sodium} mmol/L, glucose {glucose_mg_dl} "
            "mg/dL and BUN {bun_mg_dl} mg/dL",
            asks=(
                "Is the calculated serum osmolality above 295 mOsm/kg with sodium {sodium} mmol/L, glucose "
                "{glucose_mg_dl} mg/dL and BUN {bun_mg_dl} mg/dL?",
                "Is a patient with sodium {sodium} mmol/L, glucose {glucose_mg_dl} mg/dL and BUN {bun_mg_dl} mg/dL "
                "hyperosmolar by the calculated osmolality?",
            ),
        ),
    },
    examples=[{"sodium": 140, "glucose_mg_dl": 90, "bun_mg_dl": 14}],
)
def serum_osmolality(p: Osmolality) -> dict:
    osm = 2 * p.sodium + p.glucose_mg_dl / 18.0 + p.bun_mg_dl / 2.8
    return {"osmolality": round(osm, 1), "hyperosmolar": osm > 295}


class Hba1c(BaseModel):
    hba1c_percent: float = _num(
        "Glycated haemoglobin HbA1c in percent (NGSP).", [5.4, 6.5, 7.0, 8.2, 10.0], 3, 20, "percent"
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="simple-icd-10-cm",
    description="Estimated average glucose from HbA1c (ADAG study: 28.7 x A1c - 46.7 mg/dL), in mg/dL and mmol/L, "
    "the ADA diagnostic category, and the matching ICD-10-CM code (R73.03 prediabetes, E11.9 diabetes).",
    outputs={
        "eag_mg_dl": Output(
            "number",
            "the estimated average glucose in mg/dL for an HbA1c of {hba1c_percent}%",
            asks=(
                "What estimated average glucose, in mg/dL, corresponds to an HbA1c of {hba1c_percent}%?",
                "My HbA1c is {hba1c_percent}%. What has my average blood glucose been, in mg/dL?",
            ),
            measure="estimated average glucose",
            quantity=quantity("mg/dL"),
        ),
        "eag_mmol_l": Output(
            "number",
            "the estimated average glucose in mmol/L for an HbA1c of {hba1c_percent}%",
            asks=(
                "What estimated average glucose, in mmol/L, corresponds to an HbA1c of {hba1c_percent}%?",
                "An HbA1c of {hba1c_percent}% means an average blood glucose of about how much, in mmol/L?",
            ),
            measure="estimated average glucose",
            quantity=quantity("mmol/L"),
        ),
        "ada_category": Output(
            "label",
            "the ADA glycaemic category of an HbA1c of {hba1c_percent}%",
            asks=(
                "By ADA criteria, is an HbA1c of {hba1c_percent}% normal, prediabetes or diabetes?",
                "Which ADA glycaemic category does an HbA1c of {hba1c_percent}% fall into?",
            ),
        ),
        "icd10cm_code": Output(
            "icd10cm_code",
            "the ICD-10-CM code suggested by an HbA1c of {hba1c_percent}%",
            asks=(
                "Which ICD-10-CM code does an HbA1c of {hba1c_percent}% point to?",
                "A patient's HbA1c is {hba1c_percent}%. Which ICD-10-CM code fits that result's ADA category?",
            ),
            askable=False,  # a lab value does not determine a diagnosis code (type 1 or 2, complications)
        ),
    },
    examples=[{"hba1c_percent": 7.0}, {"hba1c_percent": 5.9}],
)
def estimated_average_glucose(p: Hba1c) -> dict:
    eag = 28.7 * p.hba1c_percent - 46.7
    if p.hba1c_percent >= 6.5:
        category, code = "diabetes", "E11.9"
    elif p.hba1c_percent >= 5.7:
        category, code = "prediabetes", "R73.03"
    else:
        category, code = "normal", None
    return {
        "eag_mg_dl": round(eag, 1),
        "eag_mmol_l": round(eag / 18.016, 2),
        "ada_category": category,
        "icd10cm_code": code,
    }


class Lipids(BaseModel):
    total_cholesterol: float = _num("Total cholesterol in mg/dL.", [200, 240, 180, 260, 220], 50, 1000, "mg/dL")
    hdl: float = _num("HDL cholesterol in mg/dL.", [50, 40, 60, 35, 45], 5, 200, "mg/dL")
    triglycerides: float = _num(
        "Triglycerides in mg/dL (Friedewald is invalid at 400 or more).", [150, 200, 100, 300, 120], 10, 399, "mg/dL"
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="LDL cholesterol by the Friedewald equation (TC - HDL - TG/5, mg/dL), non-HDL cholesterol and the "
    "total/HDL ratio.",
    outputs={
        "ldl_mg_dl": Output(
            "number",
            "the Friedewald LDL cholesterol in mg/dL with total cholesterol {total_cholesterol}, HDL {hdl} "
            "and triglycerides {triglycerides} mg/dL",
            asks=(
                "What is the Friedewald LDL cholesterol, in mg/dL, with total cholesterol {total_cholesterol} mg/dL, "
                "HDL {hdl} mg/dL and triglycerides {triglycerides} mg/dL?",
                "My lipid panel shows total cholesterol {total_cholesterol}, HDL {hdl} and triglycerides "
                "{triglycerides} mg/dL. What is my calculated LDL in mg/dL?",
            ),
            measure="LDL cholesterol",
            quantity=quantity("mg/dL"),
        ),
        "non_hdl_mg_dl": Output(
            "number",
            "the non-HDL cholesterol in mg/dL with total cholesterol {total_cholesterol}, HDL {hdl} and "
            "triglycerides {triglycerides} mg/dL",
            asks=(
                "What is the non-HDL cholesterol, in mg/dL, with total cholesterol {total_cholesterol} mg/dL, HDL "
                "{hdl} mg/dL and triglycerides {triglycerides} mg/dL?",
                "A lipid panel reads total cholesterol {total_cholesterol}, HDL {hdl}, triglycerides {triglycerides} "
                "mg/dL. How much non-HDL cholesterol is that, in mg/dL?",
            ),
            measure="non-HDL cholesterol",
            quantity=quantity("mg/dL"),
        ),
        "total_hdl_ratio": Output(
            "number",
            "the total/HDL cholesterol ratio with total cholesterol {total_cholesterol}, HDL {hdl} and "
            "triglycerides {triglycerides} mg/dL",
            asks=(
                "What is the total-to-HDL cholesterol ratio with total cholesterol {total_cholesterol} mg/dL, HDL "
                "{hdl} mg/dL and triglycerides {triglycerides} mg/dL?",
                "From a panel of total cholesterol {total_cholesterol}, HDL {hdl} and triglycerides {triglycerides} "
                "mg/dL, what is the cholesterol/HDL ratio?",
            ),
            measure="total/HDL cholesterol ratio",
            quantity=quantity("dimensionless"),
        ),
    },
    examples=[{"total_cholesterol": 200, "hdl": 50, "triglycerides": 150}],
)
def ldl_friedewald(p: Lipids) -> dict:
    if p.hdl >= p.total_cholesterol:
        raise ToolInputError("HDL cholesterol must be lower than total cholesterol")
    return {
        "ldl_mg_dl": round(p.total_cholesterol - p.hdl - p.triglycerides / 5, 1),
        "non_hdl_mg_dl": round(p.total_cholesterol - p.hdl, 1),
        "total_hdl_ratio": round(p.total_cholesterol / p.hdl, 2),
    }


class Metabolic(BaseModel):
    weight_kg: float = _num("Body weight in kilograms.", [70, 85.5, 54, 102, 63.2], 2, 500, "kg")
    height_cm: float = _num("Body height in centimetres.", [175, 162, 181.5, 158, 190], 30, 272, "cm")
    age: int = Field(
        description="Age in years.",
        ge=1,
        le=120,
        json_schema_extra=port("integer", quantity=quantity("year"), samples=[35, 50, 67, 24, 80]),
    )
    sex: Literal["female", "male"] = Field(
        description=_SEX_DOC, json_schema_extra=port("label", samples=["female", "male"])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Basal metabolic rate (kcal/day) by the Mifflin-St Jeor and revised Harris-Benedict equations.",
    outputs={
        "bmr_mifflin": Output(
            "number",
            "the Mifflin-St Jeor BMR in kcal/day of a {age}-year-old {sex} weighing {weight_kg} kg and "
            "{height_cm} cm tall",
            asks=(
                "What is the basal metabolic rate, by the Mifflin-St Jeor equation, of a {age}-year-old {sex} who "
                "weighs {weight_kg} kg and is {height_cm} cm tall, in kcal/day?",
                "How many kilocalories a day does a {age}-year-old {sex} of {height_cm} cm and {weight_kg} kg burn at "
                "rest, by Mifflin-St Jeor?",
                "I'm a {age}-year-old {sex}, {height_cm} cm tall and {weight_kg} kg. What is my BMR in kcal per day by "
                "the Mifflin-St Jeor equation?",
            ),
            measure="basal metabolic rate (Mifflin-St Jeor)",
            quantity=quantity("kcal/day"),
        ),
        "bmr_harris_benedict": Output(
            "number",
            "the Harris-Benedict BMR in kcal/day of a {age}-year-old {sex} weighing {weight_kg} kg and "
            "{height_cm} cm tall",
            asks=(
                "What is the basal metabolic rate, by the revised Harris-Benedict equation, of a {age}-year-old {sex} "
                "who weighs {weight_kg} kg and is {height_cm} cm tall, in kcal/day?",
                "By Harris-Benedict, how many kilocalories a day does a {age}-year-old {sex} of {height_cm} cm and "
                "{weight_kg} kg need at rest?",
            ),
            measure="basal metabolic rate (Harris-Benedict)",
            quantity=quantity("kcal/day"),
        ),
    },
    examples=[{"weight_kg": 70, "height_cm": 175, "age": 35, "sex": "male"}],
)
def basal_metabolic_rate(p: Metabolic) -> dict:
    male = p.sex == "male"
    mifflin = 10 * p.weight_kg + 6.25 * p.height_cm - 5 * p.age + (5 if male else -161)
    if male:
        hb = 88.362 + 13.397 * p.weight_kg + 4.799 * p.height_cm - 5.677 * p.age
    else:
        hb = 447.593 + 9.247 * p.weight_kg + 3.098 * p.height_cm - 4.330 * p.age
    return {"bmr_mifflin": round(mifflin, 1), "bmr_harris_benedict": round(hb, 1)}


class Weight(BaseModel):
    weight_kg: float = _num("Body weight in kilograms.", [70, 8, 25, 15, 102], 0.5, 500, "kg")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Maintenance intravenous fluid rate by the Holliday-Segar 4-2-1 rule (mL/h) and the daily volume "
    "(mL/day, 100/50/20 rule).",
    outputs={
        "rate_ml_h": Output(
            "number",
            "the 4-2-1 maintenance fluid rate in mL/h for {weight_kg} kg",
            asks=(
                "What is the maintenance IV fluid rate, in mL/h, for a patient weighing {weight_kg} kg by the 4-2-1 "
                "rule?",
                "A patient weighs {weight_kg} kg. How many mL per hour of maintenance fluid does the Holliday-Segar "
                "4-2-1 rule give?",
            ),
            measure="maintenance fluid rate",
            quantity=quantity("mL/hour"),
        ),
        "daily_ml": Output(
            "number",
            "the Holliday-Segar daily maintenance fluid volume in mL for {weight_kg} kg",
            asks=(
                "How much maintenance fluid per day, in mL, does the Holliday-Segar 100/50/20 rule give for a body "
                "weight of {weight_kg} kg?",
                "What daily maintenance fluid volume, in mL, does a {weight_kg} kg patient need by Holliday-Segar?",
            ),
            measure="daily maintenance fluid volume",
            quantity=quantity("mL/day"),
        ),
    },
    examples=[{"weight_kg": 70}, {"weight_kg": 8}],
)
def maintenance_fluids(p: Weight) -> dict:
    w = p.weight_kg
    rate = 4 * min(w, 10) + 2 * min(max(w - 10, 0), 10) + max(w - 20, 0)
    daily = 100 * min(w, 10) + 50 * min(max(w - 10, 0), 10) + 20 * max(w - 20, 0)
    return {"rate_ml_h": round(rate, 1), "daily_ml": round(daily, 1)}


class LastPeriod(BaseModel):
    last_menstrual_period: dt.date = Field(
        description="First day of the last menstrual period (YYYY-MM-DD).",
        json_schema_extra=port("date", samples=["2024-01-15", "2023-06-01", "2025-03-10", "2024-11-30"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Estimated due date of a pregnancy by Naegele's rule (first day of the last menstrual period + 280 "
    "days) and the date the first trimester ends (LMP + 13 weeks 6 days).",
    outputs={
        "due_date": Output(
            "date",
            "the estimated due date for a last menstrual period of {last_menstrual_period}",
            asks=(
                "If the last menstrual period began on {last_menstrual_period}, when is the baby due by Naegele's "
                "rule? Give the date.",
                "What is the estimated due date of a pregnancy whose last menstrual period started on "
                "{last_menstrual_period}?",
                "My last period started on {last_menstrual_period}. On what date am I due?",
            ),
        ),
        "first_trimester_end": Output(
            "date",
            "the last day of the first trimester for a last menstrual period of {last_menstrual_period}",
            asks=(
                "On what date does the first trimester end if the last menstrual period began on "
                "{last_menstrual_period}?",
                "My last period started on {last_menstrual_period}. What is the last day of my first trimester? Give "
                "the date.",
            ),
        ),
    },
    examples=[{"last_menstrual_period": "2024-01-15"}],
)
def pregnancy_due_date(p: LastPeriod) -> dict:
    return {
        "due_date": (p.last_menstrual_period + dt.timedelta(days=280)).isoformat(),
        "first_trimester_end": (p.last_menstrual_period + dt.timedelta(days=13 * 7 + 6)).isoformat(),
    }


class Pregnancy(BaseModel):
    last_menstrual_period: dt.date = Field(
        description="First day of the last menstrual period (YYYY-MM-DD).",
        json_schema_extra=port("date", samples=["2024-01-15", "2023-06-01", "2025-03-10", "2024-11-30"]),
    )
    on_date: dt.date = Field(
        description="The date at which to state the gestational age (YYYY-MM-DD).",
        json_schema_extra=port("date", samples=["2024-05-01", "2023-10-20", "2025-07-04", "2025-02-14"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="simple-icd-10-cm",
    description="Gestational age on a date from the last menstrual period, in completed weeks and days, and the "
    "ICD-10-CM Z3A weeks-of-gestation code for it.",
    outputs={
        "gestational_weeks": Output(
            "count",
            "the completed weeks of gestation on {on_date} for a last menstrual period of {last_menstrual_period}",
            asks=(
                "How many completed weeks pregnant is a woman on {on_date} if her last menstrual period began on "
                "{last_menstrual_period}?",
                "With a last menstrual period that started on {last_menstrual_period}, what is the gestational age in "
                "completed weeks on {on_date}?",
            ),
            measure="gestational age in completed weeks",
            quantity=quantity("week"),
        ),
        "gestational_days": Output(
            "count",
            "the days of gestation on {on_date} for a last menstrual period of {last_menstrual_period}",
            asks=(
                "How many days of gestation have passed on {on_date} for a last menstrual period that began on "
                "{last_menstrual_period}?",
                "Counting from a last menstrual period on {last_menstrual_period}, what is the gestational age in days "
                "on {on_date}?",
            ),
            measure="gestational age in days",
            quantity=quantity("day"),
        ),
        "z3a_code": Output(
            "icd10cm_code",
            "the ICD-10-CM weeks-of-gestation code on {on_date} for a last menstrual period of {last_menstrual_period}",
            asks=(
                "Which ICD-10-CM Z3A weeks-of-gestation code applies on {on_date} if the last menstrual period began "
                "on {last_menstrual_period}?",
                "A patient's last menstrual period started on {last_menstrual_period}. Which Z3A code records her "
                "weeks of gestation at a visit on {on_date}?",
            ),
            chain=False,  # every such code is in Z3A "Weeks of gestation": its category is fixed
        ),
    },
    examples=[{"last_menstrual_period": "2024-01-15", "on_date": "2024-05-01"}],
)
def gestational_age(p: Pregnancy) -> dict:
    days = (p.on_date - p.last_menstrual_period).days
    if not 0 <= days <= 44 * 7:
        raise ToolInputError("the date must fall between the last menstrual period and 44 weeks after it")
    weeks = days // 7
    code = f"Z3A.{weeks:02d}" if 8 <= weeks <= 42 else ("Z3A.01" if weeks < 8 else "Z3A.49")
    return {
        "gestational_weeks": weeks,
        "gestational_days": days,
        "z3a_code": code if icd().is_valid_item(code) else None,
    }
