"""Writes the synthetic mastodon export the import tests read (no real person's data), in the shape of real ones.

Usage: python3 make-mastodon-export.py Tests/SkeinTests/Fixtures/import/mastodon
Then regenerate the expected files: SKEIN_UPDATE_GOLDEN=1 swift test --filter ImportTests
"""
import json, os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
A = "https://social.example/users/lena"
PUB = "https://www.w3.org/ns/activitystreams#Public"
FOL = A + "/followers"
def note(n, published, content, to=(PUB,), cc=(FOL,), reply=None, summary=None, attachment=(), kind="Note", extra=None):
    obj = {"id": f"{A}/statuses/{n}", "type": kind, "summary": summary, "inReplyTo": reply, "published": published,
           "url": f"https://social.example/@lena/{n}", "attributedTo": A, "to": list(to), "cc": list(cc),
           "sensitive": summary is not None, "atomUri": f"{A}/statuses/{n}", "inReplyToAtomUri": reply,
           "conversation": "tag:social.example,2023:objectId=1:objectType=Conversation", "content": content,
           "contentMap": {"en": content}, "attachment": list(attachment), "tag": [],
           "replies": {"id": f"{A}/statuses/{n}/replies", "type": "Collection"}}
    if extra: obj.update(extra)
    return {"id": f"{A}/statuses/{n}/activity", "type": "Create", "actor": A, "published": published,
            "to": list(to), "cc": list(cc), "object": obj}
def att(url, mediaType, name, w=640, h=480):
    return {"type": "Document", "mediaType": mediaType, "url": url, "name": name, "blurhash": "U00000fQfQfQ", "width": w, "height": h}
link = ('<a href="https://example.com/articles/2023/very-long-path-to-an-article" target="_blank" rel="nofollow noopener noreferrer">'
        '<span class="invisible">https://</span><span class="ellipsis">example.com/articles/2023/very</span>'
        '<span class="invisible">-long-path-to-an-article</span></a>')
mention = '<span class="h-card" translate="no"><a href="https://other.example/@bob" class="u-url mention">@<span>bob</span></a></span>'
hashtag = '<a href="https://social.example/tags/Maps" class="mention hashtag" rel="tag">#<span>Maps</span></a>'
items = [
  note("110000000000000001", "2023-03-01T10:00:00Z",
       f'<p>Old railway maps, a thread 🧵 {hashtag}</p><p>Thanks {mention} for the scans &amp; notes &lt;3<br />*stars* stay stars, 1. no list</p><p>{link}</p>',
       attachment=[att("media_attachments/files/110/000/001/original/aaa111.png", "image/png", "A 1920 map of the Lisbon line, hand-coloured")]),
  note("110000000000000002", "2023-03-01T10:05:00Z",
       "<p>The 1920 timetable shows the night train.</p>", reply=f"{A}/statuses/110000000000000001",
       summary="spoilers: the night train ends",
       attachment=[att("/media_attachments/files/110/000/002/original/bbb222.mp4", "video/mp4", "A scan scrolling slowly")]),
  note("110000000000000003", "2023-03-01T10:10:00Z",
       "<p>Which line should I scan next?</p>", reply=f"{A}/statuses/110000000000000002", kind="Question",
       attachment=[att("/lena-bucket/media_attachments/files/110/000/003/original/ccc333.jpg", "image/jpeg", "Three folded maps on a desk"),
                   att("/media_attachments/files/110/000/003/original/missing.jpg", "image/jpeg", "A file the export lacks")],
       extra={"endTime": "2023-03-02T10:10:00Z", "oneOf": [
           {"type": "Note", "name": "Beira Alta", "replies": {"type": "Collection", "totalItems": 12}},
           {"type": "Note", "name": "Linha do *Tua*", "replies": {"type": "Collection", "totalItems": 1}}]}),
  {"id": f"{A}/statuses/110000000000000004/activity", "type": "Announce", "actor": A, "published": "2023-03-02T09:00:00Z",
   "to": [PUB], "cc": [FOL], "object": "https://other.example/users/bob/statuses/555"},
  note("110000000000000005", "2023-03-03T09:00:00Z", "<p>Unlisted musings, part one.</p>", to=(FOL,), cc=(PUB,)),
  note("110000000000000006", "2023-03-03T09:01:00Z", "<p>Unlisted musings, part two.</p>", to=(FOL,), cc=(PUB,),
       reply=f"{A}/statuses/110000000000000005"),
  note("110000000000000007", "2023-03-04T09:00:00Z", "<p>FOLLOWERS ONLY SECRET</p>", to=(FOL,), cc=()),
  note("110000000000000008", "2023-03-04T09:01:00Z", "<p>FOLLOWERS ONLY SECRET, continued</p>", to=(FOL,), cc=(),
       reply=f"{A}/statuses/110000000000000007"),
  note("110000000000000009", "2023-03-05T09:00:00Z", f"<p>{mention} DIRECT SECRET</p>", to=("https://other.example/users/bob",), cc=()),
  note("110000000000000010", "2023-03-06T09:00:00Z", f"<p>{mention} a public reply to someone else</p>",
       reply="https://other.example/users/bob/statuses/777"),
  note("110000000000000011", "2023-03-07T09:00:00Z", "<p>Just one post.</p>"),
]
body = json.dumps({"@context": "https://www.w3.org/ns/activitystreams", "id": A + "/outbox", "type": "OrderedCollection",
                   "totalItems": 3, "orderedItems": "PLACEHOLDER"}, indent=2, ensure_ascii=False)
body = body.replace('"orderedItems": "PLACEHOLDER"', '"orderedItems": [],\n  "orderedItems": ' + json.dumps(items, indent=2, ensure_ascii=False))
open(os.path.join(out, "outbox.json"), "w").write(body)
json.dump({"@context": ["https://www.w3.org/ns/activitystreams"], "id": A, "type": "Person", "following": A + "/following",
           "preferredUsername": "lena", "name": "Lena Park",
           "summary": f'<p>Writes about {hashtag} &amp; trains. Not about <a href="https://social.example/tags/Cats" class="mention hashtag" rel="tag">#<span>Cats</span></a>.</p>',
           "url": "https://social.example/@lena", "icon": {"type": "Image", "mediaType": "image/png", "url": "avatar.png"},
           "image": {"type": "Image", "mediaType": "image/png", "url": "header.png"}},
          open(os.path.join(out, "actor.json"), "w"), indent=2, ensure_ascii=False)
for path, text in [("avatar.png", "avatar bytes"), ("header.png", "header bytes"),
                   ("media_attachments/files/110/000/001/original/aaa111.png", "png bytes aaa111"),
                   ("media_attachments/files/110/000/002/original/bbb222.mp4", "mp4 bytes bbb222"),
                   ("media_attachments/files/110/000/003/original/ccc333.jpg", "jpeg bytes ccc333"),
                   ("likes.json", '{"orderedItems": []}'), ("bookmarks.json", '{"orderedItems": []}')]:
    p = os.path.join(out, path); os.makedirs(os.path.dirname(p), exist_ok=True); open(p, "w").write(text)
