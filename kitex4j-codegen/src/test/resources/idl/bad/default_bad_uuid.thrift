struct Thing {
  1: uuid id = "not-a-uuid"
}
