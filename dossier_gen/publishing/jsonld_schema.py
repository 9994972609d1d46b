"""JSON Schema of the ClaimReview records this dossier publishes (its profile of schema.org).

Published as `schema/claimreview.schema.json` beside the record schemas, so consumers know
exactly which fields to expect, and used by the tests to check every emitted ClaimReview now
that Google's Rich Results Test no longer does. Rules that JSON Schema cannot say (a rating
value between worst and best, the claim date before the review date) are checked by tests.
"""

from __future__ import annotations

from typing import Any

_DATE = {
    "type": "string",
    "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
    "description": "ISO 8601 date, possibly of reduced precision (2017, 2017-10).",
}
_FULL_DATE = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_URL = {"type": "string", "format": "uri", "pattern": "^https?://"}
_TEXT = {"type": "string", "minLength": 1}

_ORGANIZATION = {
    "type": "object",
    "required": ["@type", "name"],
    "properties": {"@type": {"const": "Organization"}, "name": _TEXT, "url": _URL},
}
_PERSON_OR_ORG = {
    "type": "object",
    "required": ["@type", "name"],
    "properties": {
        "@type": {"enum": ["Person", "Organization"]},
        "name": _TEXT,
        "alternateName": {"type": "array", "items": _TEXT},
    },
}
_CREATIVE_WORK = {
    "type": "object",
    "required": ["@type", "name"],
    "properties": {
        "@type": {"const": "CreativeWork"},
        "url": _URL,
        "name": _TEXT,
        "datePublished": _DATE,
        "archivedAt": _URL,
        "publisher": _ORGANIZATION,
        "author": {"type": "array", "items": _PERSON_OR_ORG},
        "citation": _TEXT,
        "inLanguage": _TEXT,
    },
    "anyOf": [{"required": ["url"]}, {"required": ["citation"]}],
}
_RATING = {
    "type": "object",
    "required": ["@type", "alternateName", "name"],
    "properties": {
        "@type": {"const": "Rating"},
        "alternateName": _TEXT,
        "name": _TEXT,
        "ratingValue": {"type": "integer", "minimum": 1},
        "bestRating": {"type": "integer", "minimum": 1},
        "worstRating": {"const": 1},
        "ratingExplanation": _TEXT,
    },
    "dependentRequired": {
        "ratingValue": ["bestRating", "worstRating"],
        "bestRating": ["ratingValue"],
        "worstRating": ["ratingValue"],
    },
    "additionalProperties": False,
}

CLAIMREVIEW_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ClaimReview, as published by dossier-gen",
    "description": "One fact-check of one claim. A rating off the true-false scale (such as"
    " 'Not checkable') carries its label only, with no ratingValue.",
    "type": "object",
    "required": [
        "@type",
        "url",
        "claimReviewed",
        "reviewRating",
        "author",
        "datePublished",
        "itemReviewed",
    ],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "ClaimReview"},
        "@id": _URL,
        "url": _URL,
        "claimReviewed": {"type": "string", "minLength": 1, "maxLength": 75},
        "headline": _TEXT,
        "inLanguage": _TEXT,
        "author": _ORGANIZATION,
        "datePublished": _FULL_DATE,
        "dateModified": _FULL_DATE,
        "reviewRating": _RATING,
        "keywords": _TEXT,
        # In another edition of the dossier: the review this one translates.
        "translationOfWork": {
            "type": "object",
            "required": ["@id"],
            "properties": {"@id": _URL},
            "additionalProperties": False,
        },
        "itemReviewed": {
            "type": "object",
            # A claim whose appearance was not given by its report has neither.
            "required": ["@type", "author", "datePublished"],
            "dependentRequired": {
                "appearance": ["firstAppearance"],
                "firstAppearance": ["appearance"],
            },
            "properties": {
                "@type": {"const": "Claim"},
                "author": _PERSON_OR_ORG,
                "datePublished": _DATE,
                "appearance": {"type": "array", "minItems": 1, "items": _CREATIVE_WORK},
                "firstAppearance": _CREATIVE_WORK,
                "text": _TEXT,
            },
            "additionalProperties": False,
        },
        "correction": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["@type", "datePublished", "text"],
                "properties": {
                    "@type": {"const": "CorrectionComment"},
                    "datePublished": _FULL_DATE,
                    "text": _TEXT,
                },
            },
        },
    },
    "additionalProperties": False,
}
