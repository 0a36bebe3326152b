# set image: an unchanged image prints nothing (empty patch skipped), image names with a registry path are pairs
# (GetResourcesAndPairs), --record warns it is deprecated and writes kubernetes.io/change-cause; label/annotate keys with a prefix.
minikube start > /dev/null
kubectl create deployment web --image=nginx > /dev/null
kubectl set image deploy/web nginx=nginx:1.27 --record
kubectl set image deploy/web nginx=nginx:1.27
kubectl set image deploy/web nginx=ghcr.io/acme/web:1
kubectl annotate deploy web kubernetes.io/change-cause="v4 from ghcr"
kubectl label deploy web a=b deploy/x
kubectl rollout history deploy/web
kubectl get deploy web -o jsonpath='{.metadata.annotations}'
