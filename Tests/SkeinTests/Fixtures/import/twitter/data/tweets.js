window.YTD.tweets.part0 = [
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1003"
          ],
          "editableUntil": "2022-11-03T09:50:26.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": [],
        "media": [
          {
            "expanded_url": "https://twitter.com/river_notes/status/1003/photo/1",
            "indices": [
              "22",
              "42"
            ],
            "url": "https://t.co/med1003",
            "media_url": "http://pbs.twimg.com/media/Fh3Abc.jpg",
            "media_url_https": "https://pbs.twimg.com/media/Fh3Abc.jpg",
            "id_str": "10030",
            "id": "10030",
            "type": "photo",
            "sizes": {
              "large": {
                "w": "1200",
                "h": "800",
                "resize": "fit"
              }
            },
            "display_url": "pic.twitter.com/x"
          }
        ]
      },
      "display_text_range": [
        "0",
        "42"
      ],
      "favorite_count": "3",
      "id_str": "1003",
      "truncated": false,
      "retweet_count": "0",
      "id": "1003",
      "created_at": "Thu Nov 03 08:53:00 +0000 2022",
      "favorited": false,
      "full_text": "3/ Here is the chart. https://t.co/med1003",
      "lang": "en",
      "in_reply_to_status_id_str": "1002",
      "in_reply_to_status_id": "1002",
      "in_reply_to_user_id_str": "1000",
      "in_reply_to_user_id": "1000",
      "in_reply_to_screen_name": "river_notes",
      "extended_entities": {
        "media": [
          {
            "expanded_url": "https://twitter.com/river_notes/status/1003/photo/1",
            "indices": [
              "22",
              "42"
            ],
            "url": "https://t.co/med1003",
            "media_url": "http://pbs.twimg.com/media/Fh3Abc.jpg",
            "media_url_https": "https://pbs.twimg.com/media/Fh3Abc.jpg",
            "id_str": "10030",
            "id": "10030",
            "type": "photo",
            "sizes": {
              "large": {
                "w": "1200",
                "h": "800",
                "resize": "fit"
              }
            },
            "display_url": "pic.twitter.com/x"
          },
          {
            "expanded_url": "https://twitter.com/river_notes/status/1003/photo/2",
            "indices": [
              "22",
              "42"
            ],
            "url": "https://t.co/med1003",
            "media_url": "http://pbs.twimg.com/media/Fh3Def.png",
            "media_url_https": "https://pbs.twimg.com/media/Fh3Def.png",
            "id_str": "10031",
            "id": "10031",
            "type": "photo",
            "sizes": {
              "large": {
                "w": "1200",
                "h": "800",
                "resize": "fit"
              }
            },
            "display_url": "pic.twitter.com/x"
          }
        ]
      }
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1001"
          ],
          "editableUntil": "2022-11-03T09:50:26.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "memory",
            "indices": [
              "36",
              "43"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": [
          {
            "url": "https://t.co/aaa111",
            "expanded_url": "https://example.com/memory_safety?a=1&b=2",
            "display_url": "example.com/memory_s…",
            "indices": [
              "53",
              "72"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "72"
      ],
      "favorite_count": "3",
      "id_str": "1001",
      "truncated": false,
      "retweet_count": "0",
      "id": "1001",
      "created_at": "Thu Nov 03 08:50:26 +0000 2022",
      "favorited": false,
      "full_text": "Rust &amp; Swift &lt;3: a thread on #memory safety 🧵 https://t.co/aaa111",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1006"
          ],
          "editableUntil": "2022-11-03T09:50:26.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [
          {
            "text": "RustLang",
            "indices": [
              "34",
              "43"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "55"
      ],
      "favorite_count": "3",
      "id_str": "1006",
      "truncated": false,
      "retweet_count": "0",
      "id": "1006",
      "created_at": "Thu Nov 03 09:30:00 +0000 2022",
      "favorited": false,
      "full_text": "A side note on 2/: ownership is a #RustLang idea first.",
      "lang": "en",
      "in_reply_to_status_id_str": "1002",
      "in_reply_to_status_id": "1002",
      "in_reply_to_user_id_str": "1000",
      "in_reply_to_user_id": "1000",
      "in_reply_to_screen_name": "river_notes"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1007"
          ],
          "editableUntil": "2022-11-03T09:50:26.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "30"
      ],
      "favorite_count": "3",
      "id_str": "1007",
      "truncated": false,
      "retweet_count": "0",
      "id": "1007",
      "created_at": "Thu Nov 03 09:31:00 +0000 2022",
      "favorited": false,
      "full_text": "And borrowing follows from it.",
      "lang": "en",
      "in_reply_to_status_id_str": "1006",
      "in_reply_to_status_id": "1006",
      "in_reply_to_user_id_str": "1000",
      "in_reply_to_user_id": "1000",
      "in_reply_to_screen_name": "river_notes"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "5001"
          ],
          "editableUntil": "2022-11-03T09:50:26.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "name": "Someone",
            "screen_name": "someone",
            "indices": [
              "3",
              "11"
            ],
            "id_str": "-1",
            "id": "-1"
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "110"
      ],
      "favorite_count": "3",
      "id_str": "5001",
      "truncated": false,
      "retweet_count": "0",
      "id": "5001",
      "created_at": "Fri Nov 04 10:00:00 +0000 2022",
      "favorited": false,
      "full_text": "RT @someone: This is a retweet that was cut near a hundred and forty characters because that is what retweets…",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "8001"
          ],
          "editableUntil": "2022-11-03T09:50:26.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "28"
      ],
      "favorite_count": "3",
      "id_str": "8001",
      "truncated": false,
      "retweet_count": "0",
      "id": "8001",
      "created_at": "Sat Nov 05 10:00:00 +0000 2022",
      "favorited": false,
      "full_text": "Just one post, not a thread.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "2001"
          ],
          "editableUntil": "2022-11-03T09:50:26.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "57"
      ],
      "favorite_count": "3",
      "id_str": "2001",
      "truncated": false,
      "retweet_count": "0",
      "id": "2001",
      "created_at": "Sun Nov 06 12:00:00 +0000 2022",
      "favorited": false,
      "full_text": "Continuing from yesterday: the garden survived the frost.",
      "lang": "en",
      "in_reply_to_status_id_str": "1999",
      "in_reply_to_status_id": "1999",
      "in_reply_to_user_id_str": "1000",
      "in_reply_to_user_id": "1000",
      "in_reply_to_screen_name": "river_notes"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "2002"
          ],
          "editableUntil": "2022-11-03T09:50:26.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "30"
      ],
      "favorite_count": "3",
      "id_str": "2002",
      "truncated": false,
      "retweet_count": "0",
      "id": "2002",
      "created_at": "Sun Nov 06 12:05:00 +0000 2022",
      "favorited": false,
      "full_text": "Even the basil, under its jar.",
      "lang": "en",
      "in_reply_to_status_id_str": "2001",
      "in_reply_to_status_id": "2001",
      "in_reply_to_user_id_str": "1000",
      "in_reply_to_user_id": "1000",
      "in_reply_to_screen_name": "river_notes"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "7001"
          ],
          "editableUntil": "2022-11-03T09:50:26.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "name": "Someone",
            "screen_name": "someone",
            "indices": [
              "0",
              "8"
            ],
            "id_str": "-1",
            "id": "-1"
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "34"
      ],
      "favorite_count": "3",
      "id_str": "7001",
      "truncated": false,
      "retweet_count": "0",
      "id": "7001",
      "created_at": "Mon Nov 07 08:00:00 +0000 2022",
      "favorited": false,
      "full_text": "@someone I agree, and here is why.",
      "lang": "en",
      "in_reply_to_status_id_str": "888",
      "in_reply_to_status_id": "888",
      "in_reply_to_user_id_str": "999",
      "in_reply_to_user_id": "999",
      "in_reply_to_screen_name": "someone"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "7002"
          ],
          "editableUntil": "2022-11-03T09:50:26.000Z",
          "editsRemaining": "5",
          "isEditEligible": true
        }
      },
      "retweeted": false,
      "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "display_text_range": [
        "0",
        "24"
      ],
      "favorite_count": "3",
      "id_str": "7002",
      "truncated": false,
      "retweet_count": "0",
      "id": "7002",
      "created_at": "Mon Nov 07 08:01:00 +0000 2022",
      "favorited": false,
      "full_text": "Second part of my reply.",
      "lang": "en",
      "in_reply_to_status_id_str": "7001",
      "in_reply_to_status_id": "7001",
      "in_reply_to_user_id_str": "1000",
      "in_reply_to_user_id": "1000",
      "in_reply_to_screen_name": "river_notes"
    }
  }
]