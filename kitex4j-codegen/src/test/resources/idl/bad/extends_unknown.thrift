service Base {}
service S extends Bsae {}
