"""Scrapy settings for the municipal crawl: polite by default, fast where it costs nobody.

Politeness (defaults for the real web): robots.txt obeyed (our own middleware, Protego; a
robots.txt that fails with 5xx or a network error means "disallow all", RFC 9309); at most 2
concurrent requests per host; a 1 s download delay (±50 % jitter) under AutoThrottle; retries with
exponential back-off and ``Retry-After`` honoured for 429/503 (the whole host pauses); a
User-Agent naming the tool, its version and a contact (``CRAWL_CONTACT``).

Throughput comes from crawling many municipalities at once (``CONCURRENT_REQUESTS``), a lean
spider (own seen-set, lxml directly, no duplicate filter), ``CONCURRENT_ITEMS`` and higher
garbage-collector thresholds (set by the crawl process). Every value can be overridden with
``-s NAME=VALUE`` or the CLI; the simulated web passes shorter delays.
"""

from storage.version import __version__

BOT_NAME = "kommun_inventering"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- identity -------------------------------------------------------------------------------
#: Who to contact about the crawl (URL or e-mail); shown in the User-Agent. Set it for real crawls.
CRAWL_CONTACT = ""
CRAWL_UA_TOKEN = "kommun-inventering"
USER_AGENT = f"{CRAWL_UA_TOKEN}/{__version__} (+contact not configured; set CRAWL_CONTACT)"
ROBOTSTXT_OBEY = True
ROBOTSTXT_USER_AGENT = CRAWL_UA_TOKEN
DEFAULT_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/pdf,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "sv,en;q=0.5",
}

# --- politeness -----------------------------------------------------------------------------
CONCURRENT_REQUESTS = 1000               # many municipalities at once; the per-host limit governs
CONCURRENT_REQUESTS_PER_DOMAIN = 2       # per host name (the downloader slot key)
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
#: Back-off for retried requests: base * 2**(attempt-1) seconds, capped; Retry-After is capped too.
CRAWL_BACKOFF_BASE = 2.0
CRAWL_BACKOFF_MAX = 60.0
CRAWL_RETRY_AFTER_MAX = 120.0
#: A 429/503 that says Retry-After is retried up to this many times (we wait as asked, so it is polite).
CRAWL_RETRY_AFTER_TIMES = 5
#: Crawl-delay from robots.txt is honoured up to this many seconds.
CRAWL_CRAWL_DELAY_MAX = 30.0
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False                  # no sessions: fewer session-id traps, leaner requests

# --- focus and limits -----------------------------------------------------------------------
CRAWL_BUDGET = 400                       # requests per municipality (robots, retries, redirects included)
CRAWL_DEPTH = 6                          # link hops from a start page (documents may sit one hop deeper)
CRAWL_GIVE_UP_AFTER = 60                 # requests without anything promising before giving up
CRAWL_MIN_REQUESTS = 30                  # …but never before this many requests
CRAWL_PAGE_MIN_SCORE = 1.0               # a page link is followed from this score
CRAWL_DOC_MIN_SCORE = 2.0                # a document link is fetched from this score
CRAWL_PROMISING_SCORE = 5.0              # a link this good resets the give-up counter
CRAWL_SEARCH_QUERIES = ["näringslivsprogram", "näringsliv", "tillväxt"]
CRAWL_MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # links that look like files; refused beyond, with the reason
DOWNLOAD_MAXSIZE = 50 * 1024 * 1024          # everything else (pages, and files behind page-like links)
DOWNLOAD_WARNSIZE = 0
CRAWL_HTML_CANDIDATE_MIN_CHARS = 500     # an HTML page titled like a program is kept from this length
CRAWL_ALLOW_LOOPBACK = False             # simulation switch: permit 127.0.0.0/8 and localhost targets
CRAWL_OVERRIDES = ""                     # path of a site-overrides CSV ("" = crawler/data/site_overrides.csv)
CRAWL_YEAR = None                        # the inventory year (-a year=2017 or --year)
CRAWL_REGISTRY = ""                      # "" = the built-in registry of the 290 municipalities
CRAWL_ONLY = ""                          # kommunkoder, e.g. "0114,1280"
CRAWL_COUNTY = ""                        # county codes, e.g. "12"
CRAWL_RUN_ID = None                      # continue this run (default: the year's latest crawl run)
CRAWL_NEW_RUN = False                    # start a new run for the year
CRAWL_DB = "output/inventory.sqlite"
CRAWL_BLOBS = "output/blobs"
CRAWL_REPORT_CSV = ""                    # "" = output/crawl_report_<year>_run<id>.csv beside the database
CRAWL_FLUSH_INTERVAL = 1.0               # seconds between state commits (progress visible in the DB)
URLLENGTH_LIMIT = 2083

# --- engine ---------------------------------------------------------------------------------
SCHEDULER_PRIORITY_QUEUE = "crawler.scheduling.PerHostBestFirstQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"
DUPEFILTER_CLASS = "scrapy.dupefilters.BaseDupeFilter"  # the spider keeps its own seen-set
CONCURRENT_ITEMS = 16
REACTOR_THREADPOOL_MAXSIZE = 20
DNSCACHE_ENABLED = True
# TLS: certificates verified against the system store plus CRAWL_CA_BUNDLE (crawler/tls.py)
DOWNLOAD_VERIFY_CERTIFICATES = True
DOWNLOADER_CLIENTCONTEXTFACTORY = "crawler.tls.VerifyingContextFactory"
CRAWL_CA_BUNDLE = ""                     # PEM file of an extra CA to trust (a corporate proxy's, the simulated web's)
DOWNLOAD_HANDLERS = {
    "http": "crawler.handlers.ProxyPoolingDownloadHandler",
    "https": "crawler.handlers.ProxyPoolingDownloadHandler",
    "file": None, "s3": None, "ftp": None, "data": None,
}
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
AJAXCRAWL_ENABLED = False
MEMUSAGE_ENABLED = False
LOG_LEVEL = "INFO"
LOGSTATS_INTERVAL = 60.0

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware": None,
    "crawler.proxy.CachingProxyMiddleware": 750,  # Scrapy's, with no_proxy decided once per host
    "crawler.robots.RobotsMiddleware": 100,
    "crawler.politeness.BackoffRetryMiddleware": 550,
    "crawler.middlewares.ScopeGuardMiddleware": 760,
    "crawler.budget.BudgetMiddleware": 780,
}
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
}
ITEM_PIPELINES = {
    "pipelines.store.StorePipeline": 100,
}
