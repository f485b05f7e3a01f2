# Kompetanseassistenten's API, one instance per container (see README, "Several instances").
# Not built in CI or in the development container, which have no Docker: read before you use it.
FROM python:3.11-slim-bookworm

# Apertium for bokmål↔nynorsk (scripts/system-packages.txt, without the test-only packages).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        apertium apertium-nno-nob apertium-apy \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY assistant ./assistant
COPY corpus ./corpus
COPY prompts ./prompts
COPY eval ./eval
# What scripts/setup.sh does for the product: torch's CPU build first and on its own (never a CUDA
# build of several GB), then the package at the versions in constraints.txt.
RUN pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu \
    && pip install --no-cache-dir -c constraints.txt -e .
# Editable, as setup.sh installs it: the corpus, prompts and eval folders are found next to the package.
RUN useradd --system --home-dir /app assistant && mkdir /data /uploads && chown assistant /data /uploads

ENV ASSISTANT_DATA_DIR=/data \
    HF_HUB_OFFLINE=1 \
    ANONYMIZED_TELEMETRY=False
VOLUME ["/data"]
EXPOSE 8000
USER assistant
CMD ["assistant", "serve", "--host", "0.0.0.0", "--port", "8000"]
