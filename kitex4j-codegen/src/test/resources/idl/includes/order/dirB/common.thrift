const string WHERE = "dirB"
