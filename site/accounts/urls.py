from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.my_account, name="my_account"),
    path("welcome/", views.landing, name="landing"),
    path("code/", views.redeem_code, name="redeem_code"),
    path("messages/", views.notifications, name="notifications"),
]
