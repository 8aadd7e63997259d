window.__THAR_CONFIG = {
  "userInfo": {
    "accountId": "1000",
    "userName": "river_notes",
    "displayName": "River Notes"
  },
  "archiveInfo": {
    "sizeBytes": "1000",
    "generationDate": "2022-11-20T00:00:00.000Z",
    "isPartialArchive": false,
    "maxPartSizeBytes": "53687091200"
  },
  "dataTypes": {
    "tweets": {
      "mediaDirectory": "data/tweets_media",
      "files": [
        {
          "fileName": "data/tweets.js",
          "globalName": "YTD.tweets.part0",
          "count": "10"
        },
        {
          "fileName": "data/tweets-part1.js",
          "globalName": "YTD.tweets.part1",
          "count": "12"
        }
      ]
    },
    "account": {
      "files": [
        {
          "fileName": "data/account.js",
          "globalName": "YTD.account.part0",
          "count": "1"
        }
      ]
    }
  }
}