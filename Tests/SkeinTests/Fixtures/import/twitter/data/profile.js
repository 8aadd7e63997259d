window.YTD.profile.part0 = [
  {
    "profile": {
      "description": {
        "bio": "Notes on #rust, gardens & rivers. *Not* a bot.",
        "website": "https://river.example.org/",
        "location": "Porto"
      },
      "avatarMediaUrl": "https://pbs.twimg.com/profile_images/1/Av4tar_400x400.jpg"
    }
  }
]