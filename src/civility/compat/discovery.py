"""The discovery document that lets Google's API clients call our Perspective-compatible route."""

from __future__ import annotations

from typing import Any

from civility import __version__

API_NAME = "commentanalyzer"
API_VERSION = "v1alpha1"


def _obj(properties: dict[str, Any], description: str = "") -> dict[str, Any]:
    return {"type": "object", "description": description, "properties": properties}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": name}


_STRING = {"type": "string"}
_SCHEMAS: dict[str, Any] = {
    "TextEntry": {"id": "TextEntry", **_obj({"text": _STRING, "type": _STRING})},
    "AttributeParameters": {
        "id": "AttributeParameters",
        **_obj({"scoreType": _STRING, "scoreThreshold": {"type": "number", "format": "float"}}),
    },
    "Score": {
        "id": "Score",
        **_obj({"value": {"type": "number", "format": "float"}, "type": _STRING}),
    },
    "SpanScore": {
        "id": "SpanScore",
        **_obj(
            {
                "begin": {"type": "integer", "format": "int32"},
                "end": {"type": "integer", "format": "int32"},
                "score": _ref("Score"),
            }
        ),
    },
    "AttributeScores": {
        "id": "AttributeScores",
        **_obj(
            {
                "summaryScore": _ref("Score"),
                "spanScores": {"type": "array", "items": _ref("SpanScore")},
            }
        ),
    },
    "AnalyzeCommentRequest": {
        "id": "AnalyzeCommentRequest",
        **_obj(
            {
                "comment": _ref("TextEntry"),
                "context": {"type": "object", "additionalProperties": {"type": "any"}},
                "requestedAttributes": {
                    "type": "object",
                    "additionalProperties": _ref("AttributeParameters"),
                },
                "languages": {"type": "array", "items": _STRING},
                "spanAnnotations": {"type": "boolean"},
                "dropUnsupportedAttributes": {"type": "boolean"},
                "doNotStore": {"type": "boolean"},
                "clientToken": _STRING,
                "sessionId": _STRING,
                "communityId": _STRING,
            },
            "The comment analysis request message.",
        ),
    },
    "SuggestCommentScoreRequest": {
        "id": "SuggestCommentScoreRequest",
        **_obj(
            {
                "comment": _ref("TextEntry"),
                "context": {"type": "object", "additionalProperties": {"type": "any"}},
                "attributeScores": {
                    "type": "object",
                    "additionalProperties": _ref("AttributeScores"),
                },
                "languages": {"type": "array", "items": _STRING},
                "communityId": _STRING,
                "clientToken": _STRING,
                "sessionId": _STRING,
            },
            "The comment score suggestion request message.",
        ),
    },
    "SuggestCommentScoreResponse": {
        "id": "SuggestCommentScoreResponse",
        **_obj(
            {
                "detectedLanguages": {"type": "array", "items": _STRING},
                "requestedLanguages": {"type": "array", "items": _STRING},
                "clientToken": _STRING,
            },
            "The comment score suggestion response message.",
        ),
    },
    "AnalyzeCommentResponse": {
        "id": "AnalyzeCommentResponse",
        **_obj(
            {
                "attributeScores": {
                    "type": "object",
                    "additionalProperties": _ref("AttributeScores"),
                },
                "languages": {"type": "array", "items": _STRING},
                "detectedLanguages": {"type": "array", "items": _STRING},
                "clientToken": _STRING,
            },
            "The comment analysis response message.",
        ),
    },
}
_QUERY_PARAMETERS = {
    "key": {"type": "string", "location": "query", "description": "API key."},
    "alt": {"type": "string", "location": "query", "default": "json", "enum": ["json"]},
    "fields": {"type": "string", "location": "query"},
    "prettyPrint": {"type": "boolean", "location": "query", "default": "true"},
    "quotaUser": {"type": "string", "location": "query"},
    "$.xgafv": {"type": "string", "location": "query", "enum": ["1", "2"]},
}


def discovery_document(root_url: str) -> dict[str, Any]:
    """Returns the REST discovery document with every call going to `root_url`."""
    root = root_url.rstrip("/") + "/"
    return {
        "kind": "discovery#restDescription",
        "discoveryVersion": "v1",
        "id": f"{API_NAME}:{API_VERSION}",
        "name": API_NAME,
        "version": API_VERSION,
        "revision": __version__,
        "title": "Perspective Comment Analyzer API (served by Civility)",
        "description": "Civility's Perspective-compatible comment analyzer.",
        "protocol": "rest",
        "rootUrl": root,
        "servicePath": "",
        "baseUrl": root,
        "batchPath": "batch",
        "parameters": _QUERY_PARAMETERS,
        "resources": {
            "comments": {
                "methods": {
                    "analyze": {
                        "id": f"{API_NAME}.comments.analyze",
                        "path": f"{API_VERSION}/comments:analyze",
                        "flatPath": f"{API_VERSION}/comments:analyze",
                        "httpMethod": "POST",
                        "parameters": {},
                        "parameterOrder": [],
                        "request": _ref("AnalyzeCommentRequest"),
                        "response": _ref("AnalyzeCommentResponse"),
                        "description": "Analyzes a text and returns scores for the attributes.",
                    },
                    "suggestscore": {
                        "id": f"{API_NAME}.comments.suggestscore",
                        "path": f"{API_VERSION}/comments:suggestscore",
                        "flatPath": f"{API_VERSION}/comments:suggestscore",
                        "httpMethod": "POST",
                        "parameters": {},
                        "parameterOrder": [],
                        "request": _ref("SuggestCommentScoreRequest"),
                        "response": _ref("SuggestCommentScoreResponse"),
                        "description": "Stores what a comment's scores should have been.",
                    },
                }
            }
        },
        "schemas": _SCHEMAS,
    }
