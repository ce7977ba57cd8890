# Civility: one image for every role (serve, worker, relay); the command picks the role.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir --prefix=/install .

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 civility
COPY --from=build /install /usr/local
USER civility
WORKDIR /home/civility
ENV CIVILITY_HOST=0.0.0.0 \
    CIVILITY_PORT=8000 \
    CIVILITY_LOG_JSON=true \
    OMP_NUM_THREADS=1 \
    OPENBLAS_NUM_THREADS=1
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)" || exit 1
ENTRYPOINT ["civility"]
CMD ["serve"]
