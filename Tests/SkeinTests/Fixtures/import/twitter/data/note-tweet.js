window.YTD.noteTweet.part0 = [
  {
    "noteTweet": {
      "noteTweetId": "77777",
      "updatedAt": "2022-11-08T09:00:00.000Z",
      "lifecycle": {
        "value": "3",
        "name": "Unknown"
      },
      "createdAt": "Tue Nov 08 09:00:00 +0000 2022",
      "core": {
        "styletags": [],
        "urls": [
          {
            "shortUrl": "https://t.co/link3001",
            "expandedUrl": "https://example.org/long-read",
            "displayUrl": "example.org/long-read",
            "fromIndex": "120",
            "toIndex": "143"
          }
        ],
        "text": "This long post is cut short in full_text, as the export does for posts over 280 characters. Here is all of it, with its link https://t.co/link3001 and an & that is not escaped, and #longform.",
        "mentions": [],
        "cashtags": [],
        "hashtags": [
          {
            "text": "longform",
            "fromIndex": "180",
            "toIndex": "189"
          }
        ]
      }
    }
  }
]