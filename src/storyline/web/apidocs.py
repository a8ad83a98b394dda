"""The JSON API's reference page (/api/docs) from the served OpenAPI schema: operations, their
parameters and answers, and the fields of every model, as plain data for a template. It is written
on the server so that it works offline and under the server's Content-Security-Policy."""

from __future__ import annotations

from typing import Any


def type_label(schema: dict[str, Any]) -> str:
    """A schema's type in words: `StorySummary`, `list of string`, `string (date) or null`."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " or ".join(dict.fromkeys(type_label(option) for option in schema[key]))
    kind = schema.get("type")
    if kind == "array":
        return f"list of {type_label(schema.get('items') or {})}"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return f"object of {type_label(schema['additionalProperties'])}"
    if kind is None:
        return "any"
    return f"{kind} ({schema['format']})" if "format" in schema else str(kind)


def _fields(schema: dict[str, Any]) -> list[dict[str, Any]]:
    required = set(schema.get("required") or [])
    return [{"name": name, "type": type_label(field), "required": name in required,
             "description": field.get("description", "")}
            for name, field in (schema.get("properties") or {}).items()]


def api_reference(schema: dict[str, Any]) -> dict[str, Any]:
    """What /api/docs lists: every operation (method, path, summary, description, parameters, answers
    with the model of each) and every model with its fields, in the schema's order."""
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            answers = []
            for status, answer in operation.get("responses", {}).items():
                content = (answer.get("content") or {}).get("application/json", {}).get("schema") or {}
                answers.append({"status": status, "description": answer.get("description", ""),
                                "model": type_label(content) if content else None,
                                "headers": sorted(answer.get("headers") or {})})
            parameters = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                           "type": type_label(p.get("schema") or {}), "description": p.get("description", "")}
                          for p in operation.get("parameters", [])]
            body = ((operation.get("requestBody") or {}).get("content") or {}).get("application/json", {})
            operations.append({"method": method.upper(), "path": path, "summary": operation.get("summary", ""),
                               "description": operation.get("description", ""), "parameters": parameters,
                               "body": body.get("schema", {}).get("description") if body else None,
                               "answers": answers, "anchor": "".join(c if c.isalnum() else "-" for c in f"{method}{path}")})
    models = [{"name": name, "description": model.get("description", ""), "fields": _fields(model)}
              for name, model in schema.get("components", {}).get("schemas", {}).items()]
    return {"operations": operations, "models": models}
