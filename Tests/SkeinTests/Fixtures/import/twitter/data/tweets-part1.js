window.YTD.tweets.part1 = [
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1002"
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
            "text": "unicode",
            "indices": [
              "42",
              "50"
            ]
          }
        ],
        "symbols": [],
        "user_mentions": [
          {
            "name": "Mira_K",
            "screen_name": "mira_k",
            "indices": [
              "59",
              "66"
            ],
            "id_str": "-1",
            "id": "-1"
          },
          {
            "name": "Bo_B",
            "screen_name": "bo_b",
            "indices": [
              "73",
              "78"
            ],
            "id_str": "-1",
            "id": "-1"
          }
        ],
        "urls": []
      },
      "display_text_range": [
        "0",
        "79"
      ],
      "favorite_count": "3",
      "id_str": "1002",
      "truncated": false,
      "retweet_count": "0",
      "id": "1002",
      "created_at": "Thu Nov 03 08:51:10 +0000 2022",
      "favorited": false,
      "full_text": "2/ Astral first: 𝐁𝐨𝐥𝐝 𝑖𝑡𝑎𝑙𝑖𝑐 &amp; 😀 then #unicode, thanks @mira_k &amp; @bo_b!",
      "lang": "en",
      "in_reply_to_status_id_str": "1001",
      "in_reply_to_status_id": "1001",
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
            "1004"
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
            "expanded_url": "https://twitter.com/river_notes/status/1004/video/1",
            "indices": [
              "25",
              "45"
            ],
            "url": "https://t.co/vid1004",
            "media_url": "http://pbs.twimg.com/media/ext_tw_video_thumb/1004/pu/img/thumb.jpg",
            "media_url_https": "https://pbs.twimg.com/media/ext_tw_video_thumb/1004/pu/img/thumb.jpg",
            "id_str": "10040",
            "id": "10040",
            "type": "photo",
            "sizes": {
              "large": {
                "w": "1200",
                "h": "800",
                "resize": "fit"
              }
            },
            "display_url": "pic.twitter.com/x",
            "video_info": {
              "aspect_ratio": [
                "16",
                "9"
              ],
              "variants": [
                {
                  "bitrate": "256000",
                  "content_type": "video/mp4",
                  "url": "https://video.twimg.com/ext_tw_video/1004/pu/vid/480x270/low.mp4?tag=12"
                },
                {
                  "content_type": "application/x-mpegURL",
                  "url": "https://video.twimg.com/ext_tw_video/1004/pu/pl/list.m3u8?tag=12"
                },
                {
                  "bitrate": "2176000",
                  "content_type": "video/mp4",
                  "url": "https://video.twimg.com/ext_tw_video/1004/pu/vid/1280x720/best.mp4?tag=12"
                }
              ],
              "duration_millis": "12000"
            }
          }
        ]
      },
      "display_text_range": [
        "0",
        "45"
      ],
      "favorite_count": "3",
      "id_str": "1004",
      "truncated": false,
      "retweet_count": "0",
      "id": "1004",
      "created_at": "Thu Nov 03 08:54:00 +0000 2022",
      "favorited": false,
      "full_text": "4/ A video of it running https://t.co/vid1004",
      "lang": "en",
      "in_reply_to_status_id_str": "1003",
      "in_reply_to_status_id": "1003",
      "in_reply_to_user_id_str": "1000",
      "in_reply_to_user_id": "1000",
      "in_reply_to_screen_name": "river_notes",
      "extended_entities": {
        "media": [
          {
            "expanded_url": "https://twitter.com/river_notes/status/1004/video/1",
            "indices": [
              "25",
              "45"
            ],
            "url": "https://t.co/vid1004",
            "media_url": "http://pbs.twimg.com/media/ext_tw_video_thumb/1004/pu/img/thumb.jpg",
            "media_url_https": "https://pbs.twimg.com/media/ext_tw_video_thumb/1004/pu/img/thumb.jpg",
            "id_str": "10040",
            "id": "10040",
            "type": "video",
            "sizes": {
              "large": {
                "w": "1200",
                "h": "800",
                "resize": "fit"
              }
            },
            "display_url": "pic.twitter.com/x",
            "video_info": {
              "aspect_ratio": [
                "16",
                "9"
              ],
              "variants": [
                {
                  "bitrate": "256000",
                  "content_type": "video/mp4",
                  "url": "https://video.twimg.com/ext_tw_video/1004/pu/vid/480x270/low.mp4?tag=12"
                },
                {
                  "content_type": "application/x-mpegURL",
                  "url": "https://video.twimg.com/ext_tw_video/1004/pu/pl/list.m3u8?tag=12"
                },
                {
                  "bitrate": "2176000",
                  "content_type": "video/mp4",
                  "url": "https://video.twimg.com/ext_tw_video/1004/pu/vid/1280x720/best.mp4?tag=12"
                }
              ],
              "duration_millis": "12000"
            }
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
            "1005"
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
            "expanded_url": "https://twitter.com/river_notes/status/1005/video/1",
            "indices": [
              "34",
              "54"
            ],
            "url": "https://t.co/gif1005",
            "media_url": "http://pbs.twimg.com/media/tweet_video_thumb/GifAbc.jpg",
            "media_url_https": "https://pbs.twimg.com/media/tweet_video_thumb/GifAbc.jpg",
            "id_str": "10050",
            "id": "10050",
            "type": "photo",
            "sizes": {
              "large": {
                "w": "1200",
                "h": "800",
                "resize": "fit"
              }
            },
            "display_url": "pic.twitter.com/x",
            "video_info": {
              "aspect_ratio": [
                "16",
                "9"
              ],
              "variants": [
                {
                  "bitrate": "0",
                  "content_type": "video/mp4",
                  "url": "https://video.twimg.com/tweet_video/GifAbc.mp4"
                }
              ]
            }
          }
        ]
      },
      "display_text_range": [
        "0",
        "54"
      ],
      "favorite_count": "3",
      "id_str": "1005",
      "truncated": false,
      "retweet_count": "0",
      "id": "1005",
      "created_at": "Thu Nov 03 08:55:00 +0000 2022",
      "favorited": false,
      "full_text": "5/ And the GIF everyone asked for https://t.co/gif1005",
      "lang": "en",
      "in_reply_to_status_id_str": "1004",
      "in_reply_to_status_id": "1004",
      "in_reply_to_user_id_str": "1000",
      "in_reply_to_user_id": "1000",
      "in_reply_to_screen_name": "river_notes",
      "extended_entities": {
        "media": [
          {
            "expanded_url": "https://twitter.com/river_notes/status/1005/video/1",
            "indices": [
              "34",
              "54"
            ],
            "url": "https://t.co/gif1005",
            "media_url": "http://pbs.twimg.com/media/tweet_video_thumb/GifAbc.jpg",
            "media_url_https": "https://pbs.twimg.com/media/tweet_video_thumb/GifAbc.jpg",
            "id_str": "10050",
            "id": "10050",
            "type": "animated_gif",
            "sizes": {
              "large": {
                "w": "1200",
                "h": "800",
                "resize": "fit"
              }
            },
            "display_url": "pic.twitter.com/x",
            "video_info": {
              "aspect_ratio": [
                "16",
                "9"
              ],
              "variants": [
                {
                  "bitrate": "0",
                  "content_type": "video/mp4",
                  "url": "https://video.twimg.com/tweet_video/GifAbc.mp4"
                }
              ]
            }
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
            "3001"
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
        "urls": [
          {
            "url": "https://t.co/note3001",
            "expanded_url": "https://twitter.com/i/web/status/3001",
            "display_url": "twitter.com/i/web/st…",
            "indices": [
              "92",
              "113"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "113"
      ],
      "favorite_count": "3",
      "id_str": "3001",
      "truncated": false,
      "retweet_count": "0",
      "id": "3001",
      "created_at": "Tue Nov 08 09:00:00 +0000 2022",
      "favorited": false,
      "full_text": "This long post is cut short in full_text, as the export does for posts over 280 characters… https://t.co/note3001",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "3002"
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
        "34"
      ],
      "favorite_count": "3",
      "id_str": "3002",
      "truncated": false,
      "retweet_count": "0",
      "id": "3002",
      "created_at": "Tue Nov 08 09:10:00 +0000 2022",
      "favorited": false,
      "full_text": "A short follow-up to the long one.",
      "lang": "en",
      "in_reply_to_status_id_str": "3001",
      "in_reply_to_status_id": "3001",
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
            "4001",
            "4003"
          ],
          "editableUntil": "2022-11-09T10:00:00.000Z",
          "editsRemaining": "4",
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
        "26"
      ],
      "favorite_count": "3",
      "id_str": "4001",
      "truncated": false,
      "retweet_count": "0",
      "id": "4001",
      "created_at": "Wed Nov 09 09:00:00 +0000 2022",
      "favorited": false,
      "full_text": "First version with a tpyo.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "edit": {
          "initialTweetId": "4001",
          "editControlInitial": {
            "editTweetIds": [
              "4001",
              "4003"
            ]
          }
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
        "27"
      ],
      "favorite_count": "3",
      "id_str": "4003",
      "truncated": false,
      "retweet_count": "0",
      "id": "4003",
      "created_at": "Wed Nov 09 09:05:00 +0000 2022",
      "favorited": false,
      "full_text": "Second version, typo fixed.",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "4002"
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
        "33"
      ],
      "favorite_count": "3",
      "id_str": "4002",
      "truncated": false,
      "retweet_count": "0",
      "id": "4002",
      "created_at": "Wed Nov 09 09:06:00 +0000 2022",
      "favorited": false,
      "full_text": "The reply that followed the edit.",
      "lang": "en",
      "in_reply_to_status_id_str": "4001",
      "in_reply_to_status_id": "4001",
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
            "6001"
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
        "urls": [
          {
            "url": "https://t.co/quote6001",
            "expanded_url": "https://twitter.com/someone/status/123456",
            "display_url": "twitter.com/someone/…",
            "indices": [
              "15",
              "37"
            ]
          }
        ]
      },
      "display_text_range": [
        "0",
        "37"
      ],
      "favorite_count": "3",
      "id_str": "6001",
      "truncated": false,
      "retweet_count": "0",
      "id": "6001",
      "created_at": "Thu Nov 10 09:00:00 +0000 2022",
      "favorited": false,
      "full_text": "Worth reading: https://t.co/quote6001",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "6002"
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
        "22"
      ],
      "favorite_count": "3",
      "id_str": "6002",
      "truncated": false,
      "retweet_count": "0",
      "id": "6002",
      "created_at": "Thu Nov 10 09:01:00 +0000 2022",
      "favorited": false,
      "full_text": "My notes on it follow.",
      "lang": "en",
      "in_reply_to_status_id_str": "6001",
      "in_reply_to_status_id": "6001",
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
            "9001"
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
        "113"
      ],
      "favorite_count": "3",
      "id_str": "9001",
      "truncated": false,
      "retweet_count": "0",
      "id": "9001",
      "created_at": "Fri Nov 11 09:00:00 +0000 2022",
      "favorited": false,
      "full_text": "*not bold* and _not italic_\n1. not a list\n# not a heading\n---\n&lt;b&gt;raw&lt;/b&gt; [x](y) `code` 5 * 3 = 15 \\o/",
      "lang": "en"
    }
  },
  {
    "tweet": {
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "9002"
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
            "expanded_url": "https://twitter.com/river_notes/status/9002/photo/1",
            "indices": [
              "45",
              "66"
            ],
            "url": "https://t.co/miss9002",
            "media_url": "http://pbs.twimg.com/media/Missing.jpg",
            "media_url_https": "https://pbs.twimg.com/media/Missing.jpg",
            "id_str": "90020",
            "id": "90020",
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
        "66"
      ],
      "favorite_count": "3",
      "id_str": "9002",
      "truncated": false,
      "retweet_count": "0",
      "id": "9002",
      "created_at": "Fri Nov 11 09:01:00 +0000 2022",
      "favorited": false,
      "full_text": "- not a bullet\n&gt; not a quote\n    not code https://t.co/miss9002",
      "lang": "en",
      "in_reply_to_status_id_str": "9001",
      "in_reply_to_status_id": "9001",
      "in_reply_to_user_id_str": "1000",
      "in_reply_to_user_id": "1000",
      "in_reply_to_screen_name": "river_notes",
      "extended_entities": {
        "media": [
          {
            "expanded_url": "https://twitter.com/river_notes/status/9002/photo/1",
            "indices": [
              "45",
              "66"
            ],
            "url": "https://t.co/miss9002",
            "media_url": "http://pbs.twimg.com/media/Missing.jpg",
            "media_url_https": "https://pbs.twimg.com/media/Missing.jpg",
            "id_str": "90020",
            "id": "90020",
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
  }
]