# Civility: one image for every role (serve, worker, relay); the command picks the role.
# Not built in the development environment (no Docker engine there): tests/deploy parse this
# file and docker-compose.yml instead.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY src ./src
# The accurate tier (CIVILITY_SCORER=cascade) ships in the package; onnxruntime runs it.
RUN pip install --no-cache-dir --prefix=/install ".[accurate]"

FROM python:3.11-slim
# DejaVu Sans: PDF reports write Cyrillic, Greek and Turkish names with it (Helvetica cannot).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 civility
COPY --from=build /install /usr/local
USER civility
WORKDIR /home/civility
ENV CIVILITY_HOST=0.0.0.0 \
    CIVILITY_PORT=8000 \
    CIVILITY_METRICS_PORT=8001 \
    CIVILITY_LOG_JSON=true \
    OMP_NUM_THREADS=1 \
    OPENBLAS_NUM_THREADS=1
# 8000: `serve` (HTTP, /metrics); 8001: /metrics and /healthz of `worker` and `relay`.
EXPOSE 8000 8001
# `serve`'s /healthz on whatever CIVILITY_PORT says (docker-compose.yml checks the worker and
# relay on CIVILITY_METRICS_PORT instead).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('CIVILITY_PORT', '8000') + '/healthz', timeout=2)" || exit 1
ENTRYPOINT ["civility"]
CMD ["serve"]
