"""Writes the synthetic twitter export the import tests read (no real person's data), in the shape of real ones.

Usage: python3 make-twitter-export.py Tests/SkeinTests/Fixtures/import/twitter
Then regenerate the expected files: SKEIN_UPDATE_GOLDEN=1 swift test --filter ImportTests
"""
import json, os, sys, html
out = sys.argv[1]
D = os.path.join(out, "data")
os.makedirs(os.path.join(D, "tweets_media"), exist_ok=True)
os.makedirs(os.path.join(D, "profile_media"), exist_ok=True)
ACC = "1000"
def esc(t): return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
def idx(full, needle, start=0):
    i = full.index(needle, start)
    return [str(i), str(i + len(needle))]
def tweet(id, date, text, reply=None, reply_user=None, urls=(), media=None, edit=None, mentions=()):
    full = esc(text)
    ents = {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []}
    import re
    for m in re.finditer(r"(?<![\w&])#(\w+)", full):
        if m.group(0) == "#39": continue
        ents["hashtags"].append({"text": m.group(1), "indices": [str(m.start()), str(m.end())]})
    for m in re.finditer(r"@(\w+)", full):
        ents["user_mentions"].append({"name": m.group(1).title(), "screen_name": m.group(1), "indices": [str(m.start()), str(m.end())], "id_str": "-1", "id": "-1"})
    for short, expanded in urls:
        ents["urls"].append({"url": short, "expanded_url": expanded, "display_url": expanded.split("//")[1][:20] + "…", "indices": idx(full, short)})
    t = {"edit_info": edit or {"initial": {"editTweetIds": [id], "editableUntil": "2022-11-03T09:50:26.000Z", "editsRemaining": "5", "isEditEligible": True}},
         "retweeted": False, "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
         "entities": ents, "display_text_range": ["0", str(len(full))], "favorite_count": "3", "id_str": id,
         "truncated": False, "retweet_count": "0", "id": id, "created_at": date, "favorited": False,
         "full_text": full, "lang": "en"}
    if reply:
        t["in_reply_to_status_id_str"] = reply; t["in_reply_to_status_id"] = reply
    if reply_user:
        t["in_reply_to_user_id_str"] = reply_user; t["in_reply_to_user_id"] = reply_user
        t["in_reply_to_screen_name"] = "river_notes" if reply_user == ACC else "someone"
    if media:
        short = media[0]["short"]
        items = []
        for n, m in enumerate(media):
            item = {"expanded_url": f"https://twitter.com/river_notes/status/{id}/{'video' if m['type']!='photo' else 'photo'}/{n+1}",
                    "indices": idx(full, short), "url": short, "media_url": m["thumb"].replace("https", "http"),
                    "media_url_https": m["thumb"], "id_str": id + str(n), "id": id + str(n), "type": m["type"],
                    "sizes": {"large": {"w": "1200", "h": "800", "resize": "fit"}}, "display_url": "pic.twitter.com/x"}
            if "variants" in m:
                item["video_info"] = {"aspect_ratio": ["16", "9"], "variants": m["variants"]}
                if m["type"] == "video": item["video_info"]["duration_millis"] = "12000"
            items.append(item)
        ents["media"] = [dict(items[0], type="photo")]
        t["extended_entities"] = {"media": items}
    return {"tweet": t}

P = "https://pbs.twimg.com/media/"
part0 = [
  # thread A, out of order across parts
  tweet("1003", "Thu Nov 03 08:53:00 +0000 2022", "3/ Here is the chart. https://t.co/med1003", "1002", ACC,
        media=[{"short": "https://t.co/med1003", "type": "photo", "thumb": P + "Fh3Abc.jpg"},
               {"short": "https://t.co/med1003", "type": "photo", "thumb": P + "Fh3Def.png"}]),
  tweet("1001", "Thu Nov 03 08:50:26 +0000 2022", "Rust & Swift <3: a thread on #memory safety 🧵 https://t.co/aaa111",
        urls=[("https://t.co/aaa111", "https://example.com/memory_safety?a=1&b=2")]),
  tweet("1006", "Thu Nov 03 09:30:00 +0000 2022", "A side note on 2/: ownership is a #RustLang idea first.", "1002", ACC),
  tweet("1007", "Thu Nov 03 09:31:00 +0000 2022", "And borrowing follows from it.", "1006", ACC),
  tweet("5001", "Fri Nov 04 10:00:00 +0000 2022", "RT @someone: This is a retweet that was cut near a hundred and forty characters because that is what retweets…"),
  tweet("8001", "Sat Nov 05 10:00:00 +0000 2022", "Just one post, not a thread."),
  tweet("2001", "Sun Nov 06 12:00:00 +0000 2022", "Continuing from yesterday: the garden survived the frost.", "1999", ACC),
  tweet("2002", "Sun Nov 06 12:05:00 +0000 2022", "Even the basil, under its jar.", "2001", ACC),
  tweet("7001", "Mon Nov 07 08:00:00 +0000 2022", "@someone I agree, and here is why.", "888", "999"),
  tweet("7002", "Mon Nov 07 08:01:00 +0000 2022", "Second part of my reply.", "7001", ACC),
]
part1 = [
  tweet("1002", "Thu Nov 03 08:51:10 +0000 2022", "2/ Astral first: 𝐁𝐨𝐥𝐝 𝑖𝑡𝑎𝑙𝑖𝑐 & 😀 then #unicode, thanks @mira_k & @bo_b!", "1001", ACC),
  tweet("1004", "Thu Nov 03 08:54:00 +0000 2022", "4/ A video of it running https://t.co/vid1004", "1003", ACC,
        media=[{"short": "https://t.co/vid1004", "type": "video", "thumb": P + "ext_tw_video_thumb/1004/pu/img/thumb.jpg",
                "variants": [{"bitrate": "256000", "content_type": "video/mp4", "url": "https://video.twimg.com/ext_tw_video/1004/pu/vid/480x270/low.mp4?tag=12"},
                             {"content_type": "application/x-mpegURL", "url": "https://video.twimg.com/ext_tw_video/1004/pu/pl/list.m3u8?tag=12"},
                             {"bitrate": "2176000", "content_type": "video/mp4", "url": "https://video.twimg.com/ext_tw_video/1004/pu/vid/1280x720/best.mp4?tag=12"}]}]),
  tweet("1005", "Thu Nov 03 08:55:00 +0000 2022", "5/ And the GIF everyone asked for https://t.co/gif1005", "1004", ACC,
        media=[{"short": "https://t.co/gif1005", "type": "animated_gif", "thumb": P + "tweet_video_thumb/GifAbc.jpg",
                "variants": [{"bitrate": "0", "content_type": "video/mp4", "url": "https://video.twimg.com/tweet_video/GifAbc.mp4"}]}]),
  tweet("3001", "Tue Nov 08 09:00:00 +0000 2022", "This long post is cut short in full_text, as the export does for posts over 280 characters… https://t.co/note3001",
        urls=[("https://t.co/note3001", "https://twitter.com/i/web/status/3001")]),
  tweet("3002", "Tue Nov 08 09:10:00 +0000 2022", "A short follow-up to the long one.", "3001", ACC),
  tweet("4001", "Wed Nov 09 09:00:00 +0000 2022", "First version with a tpyo.",
        edit={"initial": {"editTweetIds": ["4001", "4003"], "editableUntil": "2022-11-09T10:00:00.000Z", "editsRemaining": "4", "isEditEligible": True}}),
  tweet("4003", "Wed Nov 09 09:05:00 +0000 2022", "Second version, typo fixed.",
        edit={"edit": {"initialTweetId": "4001", "editControlInitial": {"editTweetIds": ["4001", "4003"]}}}),
  tweet("4002", "Wed Nov 09 09:06:00 +0000 2022", "The reply that followed the edit.", "4001", ACC),
  tweet("6001", "Thu Nov 10 09:00:00 +0000 2022", "Worth reading: https://t.co/quote6001",
        urls=[("https://t.co/quote6001", "https://twitter.com/someone/status/123456")]),
  tweet("6002", "Thu Nov 10 09:01:00 +0000 2022", "My notes on it follow.", "6001", ACC),
  tweet("9001", "Fri Nov 11 09:00:00 +0000 2022", "*not bold* and _not italic_\n1. not a list\n# not a heading\n---\n<b>raw</b> [x](y) `code` 5 * 3 = 15 \\o/"),
  tweet("9002", "Fri Nov 11 09:01:00 +0000 2022", "- not a bullet\n> not a quote\n    not code https://t.co/miss9002", "9001", ACC,
        media=[{"short": "https://t.co/miss9002", "type": "photo", "thumb": P + "Missing.jpg"}]),
]
def js(name, var, rows):
    with open(os.path.join(D, name), "w") as f:
        f.write(f"window.YTD.{var}.part0 = " if "part1" not in name else f"window.YTD.{var}.part1 = ")
        f.write(json.dumps(rows, indent=2, ensure_ascii=False))
js("tweets.js", "tweets", part0)
js("tweets-part1.js", "tweets", part1)
js("account.js", "account", [{"account": {"email": "private@example.com", "createdVia": "web", "username": "river_notes", "accountId": ACC, "createdAt": "2010-01-01T00:00:00.000Z", "accountDisplayName": "River Notes"}}])
js("profile.js", "profile", [{"profile": {"description": {"bio": "Notes on #rust, gardens & rivers. *Not* a bot.", "website": "https://river.example.org/", "location": "Porto"}, "avatarMediaUrl": "https://pbs.twimg.com/profile_images/1/Av4tar_400x400.jpg"}}])
js("note-tweet.js", "noteTweet", [{"noteTweet": {"noteTweetId": "77777", "updatedAt": "2022-11-08T09:00:00.000Z", "lifecycle": {"value": "3", "name": "Unknown"}, "createdAt": "Tue Nov 08 09:00:00 +0000 2022",
    "core": {"styletags": [], "urls": [{"shortUrl": "https://t.co/link3001", "expandedUrl": "https://example.org/long-read", "displayUrl": "example.org/long-read", "fromIndex": "120", "toIndex": "143"}],
             "text": "This long post is cut short in full_text, as the export does for posts over 280 characters. Here is all of it, with its link https://t.co/link3001 and an & that is not escaped, and #longform.",
             "mentions": [], "cashtags": [], "hashtags": [{"text": "longform", "fromIndex": "180", "toIndex": "189"}]}}}])
with open(os.path.join(D, "manifest.js"), "w") as f:
    f.write('window.__THAR_CONFIG = ' + json.dumps({"userInfo": {"accountId": ACC, "userName": "river_notes", "displayName": "River Notes"},
        "archiveInfo": {"sizeBytes": "1000", "generationDate": "2022-11-20T00:00:00.000Z", "isPartialArchive": False, "maxPartSizeBytes": "53687091200"},
        "dataTypes": {"tweets": {"mediaDirectory": "data/tweets_media", "files": [{"fileName": "data/tweets.js", "globalName": "YTD.tweets.part0", "count": "10"}, {"fileName": "data/tweets-part1.js", "globalName": "YTD.tweets.part1", "count": "12"}]},
                      "account": {"files": [{"fileName": "data/account.js", "globalName": "YTD.account.part0", "count": "1"}]}}}, indent=2))
def blob(path, text):
    with open(os.path.join(D, path), "wb") as f: f.write(text.encode())
blob("tweets_media/1003-Fh3Abc.jpg", "jpeg bytes of Fh3Abc")
blob("tweets_media/1003-Fh3Def.png", "png bytes of Fh3Def")
blob("tweets_media/1004-best.mp4", "mp4 bytes, best variant")
blob("tweets_media/1004-low.mp4", "mp4 bytes, low variant (must not be chosen)")
blob("tweets_media/1005-GifAbc.mp4", "mp4 bytes of a gif")
blob("profile_media/1000-Av4tar_400x400.jpg", "avatar bytes")
blob("direct-messages.js", "window.YTD.direct_messages.part0 = [ { \"dmConversation\": { \"messages\": [ { \"messageCreate\": { \"text\": \"PRIVATE MESSAGE must never be published\" } } ] } } ]")
