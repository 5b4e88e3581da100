"""The FastAPI app: the API under ``/v1``, the probes, the review page, the docs and the ``<fact-card>`` script.

``create_app(ServiceSettings(...))`` builds it; the cards themselves are made
by ``factcards.workers`` processes started when the app starts (its lifespan).
The app's own process builds one pipeline too, only to check the options and
to answer ``/v1/schema`` and ``/v1/plugins``: it never makes a card.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from factcards import __version__
from factcards.inventory import plugin_rows
from factcards.pipeline import PipelineOptions
from factcards.reader import max_bytes_default
from factcards.schema import schema_errors

from .inputs import MULTIPART_ALLOWANCE, card_task, check_task, first_validation_error
from .middleware import ServiceMiddleware
from .models import CardRequest, CheckRequest, Problem as ProblemModel
from .cards import card_json, markdown
from .check import check_text
from .pools import Pools
from .problems import MEDIA_TYPE, PROBLEMS, Problem, kind_of_status, problem_body

PACKAGE = "factcards.service"
COMPONENTS = "#/components/schemas/"
TAGS = [
    {"name": "cards", "description": "Make cards and check an editor's text against them."},
    {"name": "meta", "description": "The card's schema, the installed plugins, what each problem type means."},
    {"name": "probes", "description": "For load balancers and orchestrators."},
]


@dataclass(frozen=True)
class ServiceSettings:
    """How the service runs: the pipeline options, the workers, the limits, the token and CORS."""

    options: PipelineOptions = field(default_factory=PipelineOptions)
    workers: int = 2
    queue: int = 16
    timeout: float = 30.0
    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    retry_after: int = 2


class Admission:
    """Bounded concurrency with a bounded queue: at most ``workers + queue`` cards in the service at once."""

    def __init__(self, limit: int):
        self.limit = limit
        self.inside = 0

    @contextlib.contextmanager
    def slot(self, retry_after: int):
        if self.inside >= self.limit:
            raise Problem("overloaded", f"{self.inside} requests are already running or queued", headers={"Retry-After": str(retry_after)})
        self.inside += 1
        try:
            yield
        finally:
            self.inside -= 1


def create_app(settings: ServiceSettings | None = None, plugin_manager=None) -> FastAPI:
    """The service's app; ``plugin_manager`` (with any plugin folders loaded) describes the plugins."""
    settings = settings or ServiceSettings()
    pipeline = settings.options.build(plugin_manager)  # fails now, with the CLI's reason, on bad options
    max_bytes = pipeline.max_bytes or max_bytes_default()
    pools = Pools(settings.options, settings.workers, settings.timeout)
    admission = Admission(settings.workers + settings.queue)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        pools.start()
        try:
            yield
        finally:
            await pools.close()

    app = FastAPI(
        title="factcards", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None, openapi_tags=TAGS,
        description="Fact cards of news articles: a faithful summary and grounded, normalized key facts. Errors are RFC 9457 problem details.",
    )
    app.state.pools, app.state.settings, app.state.pipeline = pools, settings, pipeline
    install_errors(app)
    install_pages(app)
    schema, plugins = pipeline.registry.schema(), plugin_rows(pipeline.plugin_manager, settings.options.config)

    def admitted():
        startup_error = pools.health()["startup_error"]
        if startup_error:
            raise Problem("not-ready", f"the workers cannot start: {startup_error}", headers={"Retry-After": str(settings.retry_after * 30)})
        return admission.slot(settings.retry_after)

    errors = {code: {"model": ProblemModel, "content": {MEDIA_TYPE: {}}} for code in (401, 413, 415, 422, 503, 504)}

    @app.post(
        "/v1/cards", tags=["cards"], responses={200: {"description": "The card (JSON, or Markdown with Accept: text/markdown).", "content": {"application/json": {"schema": {"type": "object", "description": "A fact card: GET /v1/schema"}}, "text/markdown": {}}}, **errors},
        openapi_extra={"requestBody": card_request_body()},
    )
    async def make_card(request: Request) -> Response:
        """Make the card of an article: a JSON body (like a JSON input file, plus options), a text/plain or text/html body (options in the query), or a multipart upload (``file``)."""
        task = await card_task(request, max_bytes)
        with admitted():
            card = await pools.card(task)
        if wants_markdown(request):
            return Response(markdown(card), media_type="text/markdown; charset=utf-8")
        return Response(card_json(card), media_type="application/json")

    @app.post("/v1/check", tags=["cards"], responses=errors, openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": f"{COMPONENTS}CheckRequest"}}}}})
    async def check(request: Request) -> Response:
        """Check an editor's text (headline, standfirst, post) against an article or its card: each money amount, number, percentage, date and person is supported (with the article's fact) or flagged with a reason."""
        task = await check_task(request, max_bytes)
        if task["card"] is not None:
            errors = schema_errors(task["card"], schema)
            if errors:
                raise Problem("invalid-input", f"the card is not valid: {errors[0]}")
        with admitted():
            article = task["card"] or await pools.card({"source": task["source"], "name": "article", "selection": task["selection"]})
            published = task["published"] or article["document"]["published"]
            text_card = await pools.card({"source": task["text"], "input_format": "text", "published": published, "name": "the text to check", "selection": task["selection"]})
        return JSONResponse(check_text(task["text"], text_card, article))

    @app.get("/v1/schema", tags=["meta"])
    async def card_schema() -> JSONResponse:
        """The card's JSON Schema, composed with every registered fact type (``factcards schema``)."""
        return JSONResponse(schema)

    @app.get("/v1/plugins", tags=["meta"])
    async def list_plugins() -> JSONResponse:
        """The installed plugins, as ``factcards plugins --json`` lists them."""
        return JSONResponse(plugins)

    @app.get("/healthz", tags=["probes"])
    async def healthz() -> dict[str, Any]:
        """The process is up (it may still be loading models: see /readyz)."""
        return {"status": "ok", "version": __version__}

    @app.get("/readyz", tags=["probes"], responses={503: {"model": ProblemModel}})
    async def readyz() -> JSONResponse:
        """Ready for traffic: the workers have loaded their models and made a first card."""
        health = pools.health()
        if not health["warmed"] or health["ready"] == 0 or health["startup_error"]:
            detail = f"the workers cannot start: {health['startup_error']}" if health["startup_error"] else f"{health['ready']} of {health['workers']} workers ready"
            raise Problem("not-ready", detail, headers={"Retry-After": str(settings.retry_after)})
        return JSONResponse({"status": "ready", **health, "admitted": admission.inside, "limit": admission.limit})

    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type", "X-Request-ID"], expose_headers=["X-Request-ID", "Retry-After"])
    app.add_middleware(ServiceMiddleware, token=settings.token, max_body=max_bytes + MULTIPART_ALLOWANCE)
    describe_bodies(app)
    return app


def describe_bodies(app: FastAPI) -> None:
    """Add the request models, read by hand from the body (it may be JSON, text, HTML or a form), to the OpenAPI components."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = generate()
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            for model in (CardRequest, CheckRequest):
                schema = model.model_json_schema(ref_template=f"{COMPONENTS}{{model}}")
                schemas.update(schema.pop("$defs", {}))
                schemas[model.__name__] = schema
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi


def card_request_body() -> dict[str, Any]:
    text = {"schema": {"type": "string"}, "example": "Harbour City, March 3, 2021 - The council will spend $12 million on two ferries."}
    upload = {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary", "description": "A .txt, .html or .json article"},
        "published": {"type": "string"}, "summarizer": {"type": "string"}, "length": {"type": "string"},
        "extractor": {"type": "array", "items": {"type": "string"}}, "disable": {"type": "array", "items": {"type": "string"}},
    }}
    return {"required": True, "content": {
        "application/json": {"schema": {"$ref": f"{COMPONENTS}CardRequest"}},
        "text/plain": text, "text/html": {"schema": {"type": "string"}}, "multipart/form-data": {"schema": upload},
    }}


def wants_markdown(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return request.query_params.get("format") == "markdown" or ("text/markdown" in accept and "application/json" not in accept)


def install_errors(app: FastAPI) -> None:
    """Every error, the framework's included, as problem details; never a traceback."""

    def answer(request: Request, kind: str, detail: str, status: int | None = None, headers=None) -> JSONResponse:
        body = problem_body(kind, detail, status, request.scope.get("state", {}).get("request_id"))
        return JSONResponse(body, status_code=body["status"], media_type=MEDIA_TYPE, headers=headers)

    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem):
        return answer(request, exc.kind, exc.detail, exc.status, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError):
        return answer(request, "invalid-request", first_validation_error(list(exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException):
        return answer(request, kind_of_status(exc.status_code), str(exc.detail), exc.status_code, getattr(exc, "headers", None))

    @app.get("/problems/{kind}", tags=["meta"], responses={404: {"model": ProblemModel, "content": {MEDIA_TYPE: {}}}})
    async def problem_type(kind: str) -> JSONResponse:
        """What a problem ``type`` means."""
        if kind not in PROBLEMS:
            raise Problem("not-found", f"no problem type {kind!r}")
        status, title, description = PROBLEMS[kind]
        return JSONResponse({"type": f"/problems/{kind}", "status": status, "title": title, "description": description})


def install_pages(app: FastAPI) -> None:
    """The review page, the docs page and their assets, all from the package (no CDN)."""
    swagger = swagger_assets()
    if swagger:
        app.mount("/static/swagger", StaticFiles(directory=swagger), name="swagger")
    app.mount("/static", StaticFiles(directory=str(resources.files(PACKAGE).joinpath("static"))), name="static")
    index, docs = page("index.html"), page("docs.html", swagger=bool(swagger))

    @app.get("/", include_in_schema=False)
    async def review_page() -> Response:
        return Response(index, media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    async def docs_page() -> Response:
        return Response(docs, media_type="text/html; charset=utf-8")


def page(name: str, swagger: bool = True) -> str:
    html = resources.files(PACKAGE).joinpath("templates", name).read_text(encoding="utf-8")
    return html.replace("{{version}}", __version__).replace("{{swagger}}", "" if swagger else "hidden")


def swagger_assets() -> str | None:
    """The folder holding Swagger UI 5's files (shipped by the fastapi-offline package), when it is installed."""
    try:
        import fastapi_offline
    except ImportError:
        return None
    folder = Path(fastapi_offline.__file__).parent / "static"
    return str(folder) if (folder / "swagger-ui-bundle.js").is_file() else None
