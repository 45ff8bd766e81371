const string WHERE = "dirA"
