window.YTD.account.part0 = [
  {
    "account": {
      "email": "private@example.com",
      "createdVia": "web",
      "username": "river_notes",
      "accountId": "1000",
      "createdAt": "2010-01-01T00:00:00.000Z",
      "accountDisplayName": "River Notes"
    }
  }
]